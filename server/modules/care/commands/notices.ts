// What the inbox tells agents through their notifications: a conversation given to them,
// and an SLA target about to be missed (to the assignee, or else to the team's agents).
// Both name the customer's subject, so the notifications list shows them only to people who
// still work the inbox (notifications/queries.ts).
import type { Tx } from '../../../platform/transaction.ts';
import { notify } from '../../notifications/notify.ts';
import { isCareAgent, worksInbox } from '../policies.ts';

export async function notifyAssignee(
  tx: Tx,
  input: { actorId: string; conversationId: string; userId: string; subject: string },
): Promise<void> {
  await notify(tx, {
    recipients: [input.userId],
    kind: 'care_assigned',
    actorId: input.actorId,
    data: { conversationId: input.conversationId, subject: input.subject },
  });
}

export async function notifySlaWarning(
  tx: Tx,
  input: { conversationId: string; subject: string; assigneeId: string | null; teamId: string | null },
): Promise<void> {
  // An assignee whose grant was withdrawn since is no longer told; the team is, as if unassigned.
  let recipients = input.assigneeId && (await isCareAgent(tx.db, input.assigneeId)) ? [input.assigneeId] : [];
  if (recipients.length === 0 && input.teamId) {
    const members = await tx.db
      .selectFrom('care_team_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('u.id')
      .where('m.team_id', '=', input.teamId)
      .where(worksInbox('u'))
      .execute();
    recipients = members.map((m) => m.id);
  }
  if (recipients.length === 0) return;
  await notify(tx, {
    recipients,
    kind: 'care_sla_warning',
    actorId: null,
    data: { conversationId: input.conversationId, subject: input.subject },
  });
}
