// The one door of inbound customer messages: a first message opens a conversation with SLA
// due times, a reply threads by reference, a redelivery changes nothing (even two at once),
// an email the widget customer gave merges them into one customer, and a resolved
// conversation reopens when the customer writes again.
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestInbound, MAX_BODY } from '../../server/modules/care/ingest.ts';
import { newId } from '../../server/platform/ids.ts';
import { useServer } from '../helpers/server.ts';

describe('care: ingesting inbound messages', () => {
  const t = useServer({ worker: false });
  const db = () => t.server.ctx.db;
  let email: string;
  let widget: string;

  async function channel(kind: 'email' | 'widget', enabled = true): Promise<string> {
    const id = newId();
    const now = new Date();
    await db()
      .insertInto('care_channels')
      .values({ id, kind, name: kind, enabled, created_by: null, created_at: now, updated_at: now })
      .execute();
    return id;
  }

  beforeAll(async () => {
    email = await channel('email');
    widget = await channel('widget');
    await db()
      .insertInto('care_sla_policies')
      .values({
        id: newId(),
        channel_id: null,
        priority: 'normal',
        first_response_minutes: 60,
        resolution_minutes: 480,
      })
      .execute();
  });

  const mail = (externalId: string, extra: Partial<Parameters<typeof ingestInbound>[1]> = {}) =>
    ingestInbound(t.server.ctx, {
      channelId: email,
      externalId,
      customer: { kind: 'email', value: 'Claire.Martin@Example.org', displayName: 'Claire Martin' },
      subject: 'Commande 4411 non livrée',
      body: 'Bonjour, ma commande 4411 n’est toujours pas arrivée.',
      ...extra,
    });

  it('opens a conversation with SLA due times, and threads a reply by reference', async () => {
    const first = await mail('<a1@example.org>', { receivedAt: new Date('2026-12-03T09:00:00Z') });
    expect(first).toMatchObject({ duplicate: false, opened: true });
    const conversation = await db()
      .selectFrom('care_conversations')
      .selectAll()
      .where('id', '=', first.conversationId)
      .executeTakeFirstOrThrow();
    expect(conversation.status).toBe('open');
    expect(conversation.subject).toBe('Commande 4411 non livrée');
    expect(conversation.first_response_due_at?.toISOString()).toBe('2026-12-03T10:00:00.000Z');
    expect(conversation.resolution_due_at?.toISOString()).toBe('2026-12-03T17:00:00.000Z');

    const second = await mail('<a2@example.org>', { inReplyTo: ['<a1@example.org>'] });
    expect(second).toMatchObject({ duplicate: false, opened: false, conversationId: first.conversationId });
    expect(second.customerId).toBe(first.customerId);
    const count = await db()
      .selectFrom('care_conversations')
      .select('message_count')
      .where('id', '=', first.conversationId)
      .executeTakeFirstOrThrow();
    expect(count.message_count).toBe(2);
  });

  it('changes nothing when the same message arrives again, even twice at once', async () => {
    const results = await Promise.all([
      mail('<dup@example.org>'),
      mail('<dup@example.org>'),
      mail('<dup@example.org>'),
    ]);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.messageId)).size).toBe(1);
    const rows = await db()
      .selectFrom('care_messages')
      .select('id')
      .where('external_id', '=', '<dup@example.org>')
      .execute();
    expect(rows).toHaveLength(1);
    const conversations = await db()
      .selectFrom('care_conversations')
      .select('id')
      .where('id', '=', results[0].conversationId)
      .execute();
    expect(conversations).toHaveLength(1);
  });

  it('knows a widget visitor who gives the email address of a customer who mailed before', async () => {
    const byMail = await mail('<m1@example.org>');
    const byWidget = await ingestInbound(t.server.ctx, {
      channelId: widget,
      externalId: newId(),
      threadId: 'visit-1',
      customer: {
        kind: 'widget',
        value: 'visitor-1',
        displayName: 'Claire',
        email: 'claire.martin@example.org',
      },
      body: 'Je vous ai aussi écrit par mail.',
    });
    expect(byWidget.customerId).toBe(byMail.customerId);
    expect(byWidget.opened).toBe(true);
    const again = await ingestInbound(t.server.ctx, {
      channelId: widget,
      externalId: newId(),
      threadId: 'visit-1',
      customer: { kind: 'widget', value: 'visitor-1' },
      body: 'Toujours là ?',
    });
    expect(again.conversationId).toBe(byWidget.conversationId);
  });

  it('reopens a resolved conversation when the customer writes again', async () => {
    const first = await mail('<r1@example.org>');
    await db()
      .updateTable('care_conversations')
      .set({ status: 'resolved', resolved_at: new Date() })
      .where('id', '=', first.conversationId)
      .execute();
    await mail('<r2@example.org>', { inReplyTo: ['<r1@example.org>'] });
    const row = await db()
      .selectFrom('care_conversations')
      .select(['status', 'resolved_at', 'resolution_due_at'])
      .where('id', '=', first.conversationId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('open');
    expect(row.resolved_at).toBeNull();
    expect(row.resolution_due_at).not.toBeNull();
  });

  it('refuses messages on a channel that is switched off, writing nothing', async () => {
    const off = await channel('email', false);
    await expect(
      ingestInbound(t.server.ctx, {
        channelId: off,
        externalId: '<off@example.org>',
        customer: { kind: 'email', value: 'x@example.org' },
        body: 'Hello',
      }),
    ).rejects.toMatchObject({ code: 'care_channel_disabled' });
    const rows = await db()
      .selectFrom('care_customer_identities')
      .select('id')
      .where('value', '=', 'x@example.org')
      .execute();
    expect(rows).toHaveLength(0);
  });
  it('keeps at most MAX_BODY characters of a message, marked truncated', async () => {
    const kept = 'Commande 4411, référence 88, livraison prévue mardi. '.repeat(2_000).slice(0, MAX_BODY);
    const long = await mail('<long@example.org>', { body: `${kept} La suite dépasse la limite.` });
    const row = await db()
      .selectFrom('care_messages')
      .select(['body', 'metadata'])
      .where('id', '=', long.messageId)
      .executeTakeFirstOrThrow();
    expect(row.body).toBe(kept);
    expect(row.metadata).toMatchObject({ truncated: true });
  });
});
