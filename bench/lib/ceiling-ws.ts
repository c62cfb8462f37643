// The WebSocket ceiling: a bare `ws` server that sends one JSON message of the same size
// to every connected client when asked (POST /send), nothing else — no session, no
// visibility check, no database. The stream scenario compares Trame's delivery with it.
import http from 'node:http';
import { WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? 0);
const payloadBytes = Number(process.env.PAYLOAD_BYTES ?? 100);
const server = http.createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/send') {
    const id = `${Date.now()}-${Math.random()}`;
    const message = JSON.stringify({
      type: 'post',
      postId: id,
      pad: 'x'.repeat(Math.max(0, payloadBytes - 60)),
    });
    for (const client of wss.clients) client.send(message);
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
});
const wss = new WebSocketServer({ server, path: '/live' });
server.listen(port, process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => {
  wss.close();
  server.close(() => process.exit(0));
});
