// The company's site, for tests of the care web widget: a page on its own origin (a second
// local HTTP server) that embeds /widget.js from Trame — and, for API-level tests, a visitor
// who sends one widget message the way the script does (config, a form filled "long enough"
// by moving the server's clock, then the message).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestServer } from './server.ts';

export interface WidgetHost {
  /** http://localhost:<port>: the origin to put in the channel's allowedOrigins. */
  origin: string;
  close(): Promise<void>;
}

/** Serves `/`: a page that loads the widget from `trameUrl()` with the key `key()` (read per request). */
export async function startWidgetHost(
  trameUrl: () => string,
  key: () => string,
  lang: 'fr' | 'en',
): Promise<WidgetHost> {
  const server = http.createServer((req, res) => {
    if (req.url !== '/') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html>
<html lang="${lang}">
  <head><meta charset="utf-8"><title>Atelier Lumen</title></head>
  <body>
    <main>
      <h1>Atelier Lumen — lampes artisanales</h1>
      <script src="${trameUrl()}/widget.js" data-key="${key()}" async></script>
    </main>
  </body>
</html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** One visitor's message through the widget's API, from `origin`; returns the visitor's session. */
export async function sendWidgetMessage(
  server: TestServer,
  input: {
    publicKey: string;
    origin: string;
    message: string;
    name?: string;
    email?: string;
    session?: string;
  },
): Promise<{ status: number; session: string }> {
  const base = `${server.url}/api/v1/care/widget/${input.publicKey}`;
  const headers = {
    origin: input.origin,
    'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250) + 1}`,
  };
  const query = input.session ? `?session=${input.session}` : '';
  const config = (await (await fetch(`${base}/config${query}`, { headers })).json()) as {
    session: string;
    formToken: string;
  };
  server.clock.advance(5_000);
  const res = await fetch(`${base}/messages`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: input.name ?? '',
      email: input.email ?? '',
      message: input.message,
      website: '',
      session: config.session,
      formToken: config.formToken,
    }),
  });
  return { status: res.status, session: config.session };
}
