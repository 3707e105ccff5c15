// Preloaded into the servers the benchmark starts (`node --expose-gc --import tsx --import
// bench/server-probe.ts …`). Answers IPC requests `{ id, type }`:
//   'memory'         process.memoryUsage(), after a full garbage collection when `gc` is set (so heap
//                    figures are live data, not GC timing);
//   'profile-start'  starts the V8 CPU profiler (node:inspector), so a profile covers just a load;
//   'profile-stop'   stops it and answers with the profile.
// It does nothing when the process has no IPC channel, and never keeps the process alive.
import { Session } from 'node:inspector/promises';

interface ProbeRequest {
  id?: number;
  type?: string;
  gc?: boolean;
}

const send = process.send?.bind(process);
if (send) {
  let session: Session | null = null;
  const answer = async (request: ProbeRequest): Promise<Record<string, unknown>> => {
    switch (request.type) {
      case 'memory': {
        const collect = (globalThis as { gc?: () => void }).gc;
        if (request.gc && collect) {
          collect();
          collect();
        }
        return { ...process.memoryUsage() };
      }
      case 'profile-start':
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 250 });
        await session.post('Profiler.start');
        return {};
      case 'profile-stop': {
        if (!session) throw new Error('the profiler was not started');
        const { profile } = await session.post('Profiler.stop');
        session.disconnect();
        session = null;
        return { profile };
      }
      default:
        throw new Error(`unknown probe request '${String(request.type)}'`);
    }
  };
  process.on('message', (request: ProbeRequest) => {
    answer(request).then(
      (reply) => send({ id: request.id, ...reply }),
      (error: unknown) => send({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  process.channel?.unref();
}
