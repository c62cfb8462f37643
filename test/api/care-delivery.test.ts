// A reply's delivery, run by the real job queue with no background worker, so each step is
// seen: a reply whose channel was switched off after it was written fails with that reason,
// a widget's reply is shown in the widget and a review feed's is recorded as answered where
// the customer wrote, and a delivery that ran is never run again.
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { jobHandlers } from '../../server/jobs.ts';
import { Worker } from '../../server/platform/jobs/queue.ts';
import { careAgent, careChannel, inboundMail } from '../helpers/care-inbox.ts';
import type { TestClient } from '../helpers/client.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';

describe('care reply delivery', () => {
  const t = useServer({ worker: false });
  let agent: TestClient;
  let worker: Worker;

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    ({ client: agent } = await careAgent(t.server));
    const ctx = t.server.ctx;
    worker = new Worker(ctx.db, ctx.clock, jobHandlers(ctx), pino({ level: 'silent' }));
  });

  const reply = async (channel: string) => {
    const m = await inboundMail(t.server, channel, { address: `d${Math.random()}@clients.example` });
    const res = await agent.call(api.sendCareReply, {
      params: { id: m.conversationId },
      body: { body: 'Bonjour' },
    });
    expect(res.status).toBe(201);
    expect(res.body.delivery.status).toBe('pending');
    return { conversationId: m.conversationId, messageId: res.body.id as string };
  };
  const delivery = async (id: string) =>
    (await agent.call(api.getCareConversation, { params: { id } })).body.messages.at(-1).delivery;

  it('fails a reply whose channel was switched off after it was written, and runs it once', async () => {
    const channel = await careChannel(t.server, 'email');
    const { conversationId } = await reply(channel);
    await t.server.ctx.db
      .updateTable('care_channels')
      .set({ enabled: false })
      .where('id', '=', channel)
      .execute();
    expect(await worker.runDue()).toBeGreaterThanOrEqual(1);
    expect(await delivery(conversationId)).toEqual({
      status: 'failed',
      error: 'The channel is switched off.',
      deliveredAt: null,
    });
    const jobs = await t.server.ctx.db
      .selectFrom('jobs')
      .select(['status'])
      .where('name', '=', 'care.deliver')
      .execute();
    expect(jobs.map((j) => j.status)).toEqual(['done']);
    expect(await worker.runDue()).toBe(0);
  });

  it('sends through the channel’s driver: the widget shows the reply, a review feed records it as answered elsewhere', async () => {
    const widget = await reply(await careChannel(t.server, 'widget'));
    const feed = await reply(await careChannel(t.server, 'feed'));
    await worker.runDue();
    expect(await delivery(widget.conversationId)).toMatchObject({ status: 'sent', error: null });
    expect((await delivery(widget.conversationId)).deliveredAt).not.toBeNull();
    expect(await delivery(feed.conversationId)).toMatchObject({ status: 'not_applicable', error: null });
    expect(await worker.runDue()).toBe(0);
  });
});
