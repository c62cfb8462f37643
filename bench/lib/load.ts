// Load with autocannon (HTTP/1.1 keep-alive connections), reported as throughput and
// latency percentiles. The percentiles are taken from every response's own time (every
// status, as autocannon's histogram counts them by default: a redirect's 302s are its
// answers), to 0.1 ms: that histogram keeps whole milliseconds, too coarse for a p99 of a
// few milliseconds (at 6 ms, one step is 17 %).
import autocannon from 'autocannon';
import { percentile } from './stats.ts';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

// biome-ignore lint/suspicious/noExplicitAny: autocannon's request object is untyped.
function rotating(list: Record<string, string>[]): (req: any) => any {
  let next = 0;
  return (req) => ({ ...req, headers: { ...req.headers, ...list[next++ % list.length] } });
}

export async function load(options: {
  url: string;
  headers?: Record<string, string>;
  /** Headers of each request in turn (e.g. one signed-in person after another). */
  rotate?: Record<string, string>[];
  connections?: number;
  durationSeconds?: number;
}): Promise<LoadResult> {
  // Without a callback autocannon returns its tracker (an event emitter) made thenable; its
  // types say only the promise.
  const run = autocannon({
    url: options.url,
    headers: options.headers,
    ...(options.rotate?.length ? { requests: [{ setupRequest: rotating(options.rotate) }] } : {}),
    connections: options.connections ?? 10,
    duration: options.durationSeconds ?? 10,
  }) as Promise<autocannon.Result> & Pick<autocannon.Instance, 'on'>;
  const times: number[] = [];
  run.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    times.push(ms);
  });
  const result = await run;
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
