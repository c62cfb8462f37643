// The ceiling: a bare Fastify route on this machine returning a JSON body of the same size
// as the route under test, with nothing else (no cookies, hooks, database).
import Fastify from 'fastify';

const bytes = Number(process.env.PAYLOAD_BYTES ?? 200);
const body = { data: 'x'.repeat(Math.max(0, bytes - 11)) };
const app = Fastify({ logger: false });
app.get('/ceiling', async () => body);
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
