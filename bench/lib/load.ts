// Load with autocannon (HTTP/1.1 keep-alive connections), reported as throughput and
// latency percentiles.
import autocannon from 'autocannon';

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
  const result = await autocannon({
    url: options.url,
    headers: options.headers,
    ...(options.rotate?.length ? { requests: [{ setupRequest: rotating(options.rotate) }] } : {}),
    connections: options.connections ?? 10,
    duration: options.durationSeconds ?? 10,
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
