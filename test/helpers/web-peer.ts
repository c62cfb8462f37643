// A small web site on 127.0.0.1 for link-preview and SSRF tests, counting what it served.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebPeer {
  url: string;
  hits: string[];
  close(): Promise<void>;
}

export async function startWebPeer(
  routes: Record<string, (res: http.ServerResponse, req: http.IncomingMessage) => void>,
): Promise<WebPeer> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const handler = routes[req.url ?? ''];
    if (handler) handler(res, req);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const htmlPage = (html: string) => (res: http.ServerResponse) =>
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
