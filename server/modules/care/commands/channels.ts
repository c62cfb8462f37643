// Administrators' changes to customer-care channels: each in one transaction with its audit
// record and activity event. A kind's settings are checked by that kind's driver (every kind
// has one, channels/registry.ts). Keys are made here:
// the widget's public key (and the private key that signs its form tokens), the connector's
// signing secret — shown once, at creation and rotation.
import type { z } from 'zod';
import type { AuditAction } from '../../../../common/schemas/admin.ts';
import type {
  CareChannelCreateBody,
  CareChannelUpdateBody,
} from '../../../../common/schemas/care-channels.ts';
import { toFieldIssues } from '../../../../common/validation.ts';
import type { AppContext } from '../../../context.ts';
import type { CareChannelKind, CareChannelRow } from '../../../db/schema-care.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { conflict, notFound, ValidationError } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { newId } from '../../../platform/ids.ts';
import { newToken } from '../../../platform/tokens.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import type { TestResult } from '../channels/driver.ts';
import { driverFor } from '../channels/registry.ts';

export interface Who {
  actor: Actor;
  meta: RequestMeta;
}

function checkSettings(kind: CareChannelKind, settings: unknown): Record<string, unknown> {
  const result = driverFor(kind).settings.safeParse(settings);
  if (!result.success)
    throw new ValidationError(
      toFieldIssues(result.error, settings).map((issue) => ({
        ...issue,
        field: issue.field ? `settings.${issue.field}` : 'settings',
      })),
    );
  return result.data as Record<string, unknown>;
}

async function checkTeam(tx: Tx, teamId: string | null | undefined): Promise<void> {
  if (!teamId) return;
  const team = await tx.db.selectFrom('care_teams').select('id').where('id', '=', teamId).executeTakeFirst();
  if (!team)
    throw new ValidationError([{ field: 'defaultTeamId', reason: 'invalid', message: 'No such team.' }]);
}

async function lockChannel(tx: Tx, id: string): Promise<CareChannelRow> {
  const row = await tx.db
    .selectFrom('care_channels')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('Channel');
  return row;
}

const target = (row: CareChannelRow) => ({ type: 'care_channel', id: row.id, label: row.name });
const snapshot = (row: Pick<CareChannelRow, 'name' | 'enabled' | 'settings' | 'default_team_id'>) => ({
  name: row.name,
  enabled: row.enabled,
  settings: row.settings,
  defaultTeamId: row.default_team_id,
});

async function auditChannel(
  tx: Tx,
  who: Who,
  action: AuditAction,
  row: CareChannelRow,
  extra: {
    before?: Record<string, unknown>;
    after?: Record<string, unknown>;
    details?: Record<string, unknown>;
  } = {},
) {
  await audit(tx.db, {
    action,
    actor: actorRef(who.actor),
    target: target(row),
    ...extra,
    meta: who.meta,
    at: tx.now,
  });
}

async function activity(tx: Tx, who: Who, verb: string, objectType: string, objectId: string, data = {}) {
  await recordActivity(tx.db, { actorId: who.actor.id, verb, objectType, objectId, data, at: tx.now });
}

export async function createChannel(
  ctx: AppContext,
  who: Who,
  body: z.output<typeof CareChannelCreateBody>,
): Promise<{ row: CareChannelRow; secret: string | null }> {
  const settings = checkSettings(body.kind, body.settings);
  return inTransaction(ctx, async (tx) => {
    await checkTeam(tx, body.defaultTeamId);
    // The widget's secret signs its form tokens and is never shown; the connector's is its HMAC key.
    const secret = body.kind === 'widget' || body.kind === 'connector' ? newToken() : null;
    const row = await tx.db
      .insertInto('care_channels')
      .values({
        id: newId(),
        kind: body.kind,
        name: body.name,
        enabled: body.enabled,
        settings: JSON.stringify(settings),
        secret,
        public_key: body.kind === 'widget' ? newToken() : null,
        default_team_id: body.defaultTeamId,
        created_by: who.actor.id,
        created_at: tx.now,
        updated_at: tx.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditChannel(tx, who, 'care_channel.created', row, { after: { kind: row.kind, ...snapshot(row) } });
    await activity(tx, who, 'care.channel_created', 'care_channel', row.id, { channel: row.kind });
    return { row, secret: body.kind === 'connector' ? secret : null };
  });
}

export async function updateChannel(
  ctx: AppContext,
  who: Who,
  id: string,
  body: z.output<typeof CareChannelUpdateBody>,
): Promise<CareChannelRow> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockChannel(tx, id);
    const settings = body.settings === undefined ? undefined : checkSettings(before.kind, body.settings);
    if (body.defaultTeamId !== undefined) await checkTeam(tx, body.defaultTeamId);
    const row = await tx.db
      .updateTable('care_channels')
      .set({
        ...(body.name === undefined ? {} : { name: body.name }),
        ...(settings === undefined ? {} : { settings: JSON.stringify(settings) }),
        ...(body.defaultTeamId === undefined ? {} : { default_team_id: body.defaultTeamId }),
        ...(body.enabled === undefined ? {} : { enabled: body.enabled }),
        updated_at: tx.now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const configChanged =
      JSON.stringify({ ...snapshot(before), enabled: null }) !==
      JSON.stringify({ ...snapshot(row), enabled: null });
    if (configChanged)
      await auditChannel(tx, who, 'care_channel.updated', row, {
        before: snapshot(before),
        after: snapshot(row),
      });
    if (before.enabled !== row.enabled)
      await auditChannel(tx, who, row.enabled ? 'care_channel.enabled' : 'care_channel.disabled', row);
    if (configChanged || before.enabled !== row.enabled)
      await activity(tx, who, 'care.channel_changed', 'care_channel', row.id, { channel: row.kind });
    return row;
  });
}

/** Deletes a channel that never received a conversation; one that did can only be switched off. */
export async function deleteChannel(ctx: AppContext, who: Who, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await lockChannel(tx, id);
    const used = await tx.db
      .selectFrom('care_conversations')
      .select('id')
      .where('channel_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    if (used)
      throw conflict(
        'care_channel_in_use',
        'This channel has conversations: switch it off instead (its history stays readable).',
      );
    await tx.db.deleteFrom('care_channels').where('id', '=', id).execute();
    await auditChannel(tx, who, 'care_channel.deleted', row, {
      before: { kind: row.kind, ...snapshot(row) },
    });
    await activity(tx, who, 'care.channel_deleted', 'care_channel', row.id, { channel: row.kind });
  });
}

/** A new connector signing secret, shown in this answer only; the old one stops working at once. */
export async function rotateSecret(
  ctx: AppContext,
  who: Who,
  id: string,
): Promise<{ row: CareChannelRow; secret: string }> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockChannel(tx, id);
    if (before.kind !== 'connector')
      throw new ValidationError([
        { field: 'id', reason: 'invalid', message: 'Only a connector channel has a secret to rotate.' },
      ]);
    const secret = newToken();
    const row = await tx.db
      .updateTable('care_channels')
      .set({ secret, updated_at: tx.now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditChannel(tx, who, 'care_channel.secret_rotated', row);
    await activity(tx, who, 'care.channel_changed', 'care_channel', row.id, { channel: row.kind });
    return { row, secret };
  });
}

/** The test button: the driver's own check (outside the transaction: it may reach the network). */
export async function testChannel(ctx: AppContext, who: Who, id: string): Promise<TestResult> {
  const row = await ctx.db.selectFrom('care_channels').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Channel');
  const driver = driverFor(row.kind);
  let result: TestResult;
  try {
    result = await driver.test(ctx, row);
  } catch (error) {
    result = { ok: false, code: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  await inTransaction(ctx, async (tx) => {
    await auditChannel(tx, who, 'care_channel.tested', row, {
      details: { ok: result.ok, code: result.code },
    });
    await activity(tx, who, 'care.channel_tested', 'care_channel', row.id, {
      channel: row.kind,
      ok: result.ok,
    });
  });
  return result;
}
