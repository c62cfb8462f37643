// GET /widget.js: the embeddable widget, a small self-contained script (no framework) that the
// company's site loads with <script src="https://trame.example/widget.js" data-key="…" async>.
// Served with Cross-Origin-Resource-Policy: cross-origin so other sites may load it.
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';

const source = fs.readFileSync(new URL('./widget.js', import.meta.url), 'utf8');

export function registerWidgetScript(app: FastifyInstance): void {
  app.get('/widget.js', async (_req, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('cache-control', 'public, max-age=300')
      .send(source),
  );
}
