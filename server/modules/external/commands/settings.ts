// The organisation's rules for external spaces, changed by an administrator and audited
// with their before and after.
import type { z } from 'zod';
import type { ExternalSettingsBody } from '../../../../common/schemas/external.ts';
import type { AppContext } from '../../../context.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import type { ExternalRules } from '../policies.ts';

export function updateExternalSettings(
  ctx: AppContext,
  input: { actor: Actor; body: z.output<typeof ExternalSettingsBody>; meta: RequestMeta },
): Promise<ExternalRules> {
  const { actor, body, meta } = input;
  return inTransaction(ctx, async (tx) => {
    const before = await tx.db
      .selectFrom('organisation')
      .select(['id', 'external_space_creators', 'guest_inviters'])
      .forUpdate()
      .executeTakeFirstOrThrow();
    const after: ExternalRules = {
      external_space_creators: body.externalSpaceCreators,
      guest_inviters: body.guestInviters,
    };
    if (
      before.external_space_creators === after.external_space_creators &&
      before.guest_inviters === after.guest_inviters
    ) {
      return after;
    }
    await tx.db.updateTable('organisation').set(after).where('id', '=', before.id).execute();
    await audit(tx.db, {
      action: 'organisation.settings_changed',
      actor: actorRef(actor),
      target: { type: 'organisation', id: String(before.id), label: 'external spaces' },
      before: { externalSpaceCreators: before.external_space_creators, guestInviters: before.guest_inviters },
      after: { externalSpaceCreators: after.external_space_creators, guestInviters: after.guest_inviters },
      meta,
      at: tx.now,
    });
    return after;
  });
}
