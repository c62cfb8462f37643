// What the inbox tells agents through their notifications: a conversation given to them,
// and an SLA target about to be missed (to the assignee, or else to the team's agents).
import type { Tx } from '../../../platform/transaction.ts';
import { notify } from '../../notifications/notify.ts';

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
  let recipients = input.assigneeId ? [input.assigneeId] : [];
  if (recipients.length === 0 && input.teamId) {
    const members = await tx.db
      .selectFrom('care_team_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('u.id')
      .where('m.team_id', '=', input.teamId)
      .where('u.status', '=', 'active')
      .where('u.role', '!=', 'guest')
      .where((eb) => eb.or([eb('u.care_agent', '=', true), eb('u.role', '=', 'admin')]))
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
