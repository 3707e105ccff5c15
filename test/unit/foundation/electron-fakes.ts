// Fakes of Electron's ipcMain and webContents for tests that drive the main process without the Electron runtime
// (test/unit/foundation/electron-main.test.ts, test/integration/host-contract.test.ts). They behave as Electron's
// do where the handlers depend on it: one handler per invoke channel, structured-cloned arguments and answers,
// events with preventDefault, the sender frame's URL.
import { expect } from 'vitest';
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { MethodName } from '../../../shared/host/contract';
import { methodChannel, type IpcResult } from '../../../main/electron/ipc-channels';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents {
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  isDestroyed() {
    return this.destroyed;
  }
  /** Called for every message sent to this renderer (the fake preload's subscriptions listen here). */
  onSend: ((channel: string, args: unknown[]) => void) | null = null;
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
    this.onSend?.(channel, structuredClone(args));
  }
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** Emits like Electron: an event object with preventDefault, then the arguments. */
  emit(event: string, ...args: unknown[]): { prevented: boolean } {
    const result = { prevented: false };
    const electronEvent = { preventDefault: () => (result.prevented = true) };
    for (const listener of this.listeners.get(event) ?? []) listener(electronEvent, ...args);
    return result;
  }
  sentOn(channel: string) {
    return this.sent.filter((s) => s.channel === channel).map((s) => s.args);
  }
}

export class FakeIpcMain {
  readonly handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  readonly listeners = new Map<string, (event: IpcMainEvent, ...args: unknown[]) => void>();
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>) {
    expect(this.handlers.has(channel), `one handler per channel: ${channel}`).toBe(false);
    this.handlers.set(channel, listener);
  }
  on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void) {
    this.listeners.set(channel, listener);
  }
  /** Calls as the preload does; arguments are structured-cloned as Electron's IPC does. */
  async invoke(sender: FakeWebContents, method: MethodName, args: unknown[], url = 'app://pejling/index.html'): Promise<IpcResult> {
    const handler = this.handlers.get(methodChannel(method));
    if (!handler) throw new Error(`No handler registered for '${methodChannel(method)}'`);
    const event = { sender, senderFrame: { url } } as unknown as IpcMainInvokeEvent;
    return structuredClone((await handler(event, ...structuredClone(args))) as IpcResult);
  }
  send(sender: FakeWebContents, channel: string, args: unknown[], url = 'app://pejling/index.html') {
    this.listeners.get(channel)?.({ sender, senderFrame: { url } } as unknown as IpcMainEvent, ...args);
  }
}
