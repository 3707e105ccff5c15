// Browser mode's document channel: the shared reconnecting WebSocket channel over the browser's WebSocket.
import type { DocumentChannel } from '../../../shared/bridge';
import { createWebSocketChannel } from '../../../shared/sync/websocket-channel';

export function openWebSocketChannel(url: string): DocumentChannel {
  return createWebSocketChannel({ url, WebSocket });
}
