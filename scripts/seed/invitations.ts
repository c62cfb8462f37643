// Invitations as the real commands leave them (server/modules/invitations/commands): a
// hashed token, the mail with its link in the outbox (the demo has no SMTP), the audit
// record and the activity event. Some wait, some expired unused, and the people who joined
// recently (every guest too) accepted theirs.
import type { Insertable } from 'kysely';
import type { Db } from '../../server/db/database.ts';
import type { InvitationTable, Locale, MailOutboxTable, Role } from '../../server/db/schema.ts';
import { INVITATION_VALID_DAYS } from '../../server/modules/invitations/commands/invite.ts';
import { userLabel } from '../../server/modules/people/presenters.ts';
import type { AuditEntry } from '../../server/platform/audit.ts';
import { DAY, HOUR } from '../../server/platform/clock.ts';
import { templates } from '../../server/platform/mail/templates.ts';
import { hashToken, newToken } from '../../server/platform/tokens.ts';
import { EMAIL_DOMAIN, emailLocalPart, ORGANISATION } from './data.ts';
import { ADMIN_META, activityRow, auditRow, insertBatched } from './history.ts';
import { type EmailBook, idAt, pickName, type SeededAccount, type SeededPerson } from './people.ts';
import type { Random } from './random.ts';

export interface InvitationsInput {
  accounts: SeededAccount[];
  admin: SeededPerson;
  random: Random;
  now: Date;
  publicUrl: string;
  emails: EmailBook;
}

export async function seedInvitations(db: Db, input: InvitationsInput) {
  const { admin, random, now } = input;
  const adminRef = { id: admin.id, label: userLabel(admin) };
  const invitationRows: Insertable<InvitationTable>[] = [];
  const outboxRows: Insertable<MailOutboxTable>[] = [];
  const audit: AuditEntry[] = [];
  const activity: ReturnType<typeof activityRow>[] = [];

  const invite = (to: { email: string; locale: Locale; role: Role }, at: Date) => {
    const token = newToken();
    const id = idAt(at);
    const mail = templates[to.locale].invitation({
      organisation: ORGANISATION,
      inviter: admin.name,
      link: `${input.publicUrl}/invitation#token=${token}`,
      message: null,
      days: INVITATION_VALID_DAYS,
    });
    const row: Insertable<InvitationTable> = {
      id,
      email: to.email,
      role: to.role,
      locale: to.locale,
      message: null,
      token_hash: hashToken(token),
      invited_by: admin.id,
      created_at: at,
      expires_at: new Date(at.getTime() + INVITATION_VALID_DAYS * DAY),
    };
    invitationRows.push(row);
    outboxRows.push({
      id: idAt(at),
      to_address: to.email,
      kind: 'invitation',
      locale: to.locale,
      subject: mail.subject,
      text_body: mail.text,
      sensitive: true,
      status: 'outbox_only',
      created_at: at,
    });
    audit.push({
      action: 'invitation.created',
      actor: adminRef,
      target: { type: 'invitation', id, label: to.email },
      after: { email: to.email, role: to.role },
      meta: ADMIN_META,
      at,
    });
    activity.push(
      activityRow({ actorId: admin.id, verb: 'invitation.sent', objectType: 'invitation', objectId: id, at }),
    );
    return row;
  };

  let accepted = 0;
  for (const p of input.accounts) {
    if (!p.invited) continue;
    const sentAt = new Date(p.createdAt.getTime() - random.int(1, 72) * HOUR);
    const row = invite(
      { email: p.email, locale: p.locale, role: p.role === 'guest' ? 'guest' : 'member' },
      sentAt,
    );
    row.accepted_at = p.createdAt;
    row.accepted_user_id = p.id;
    audit.push({
      action: 'invitation.accepted',
      actor: { id: p.id, label: userLabel(p) },
      target: { type: 'invitation', id: row.id, label: p.email },
      after: { userId: p.id, role: row.role },
      meta: {
        ip: `10.20.${random.int(1, 40)}.${random.int(2, 250)}`,
        userAgent: 'Mozilla/5.0 (Macintosh) Safari/18.1',
      },
      at: p.createdAt,
    });
    activity.push(
      activityRow({
        actorId: p.id,
        verb: 'user.activated',
        objectType: 'user',
        objectId: p.id,
        data: { invitationId: row.id, invitedAt: sentAt.toISOString() },
        at: p.createdAt,
      }),
    );
    accepted++;
  }

  // Waiting for an answer: one in four was sent too long ago and has expired.
  const open = Math.max(4, Math.min(40, Math.round(input.accounts.length / 20)));
  let expired = 0;
  for (let i = 0; i < open; i++) {
    const { firstName, lastName, locale } = pickName(random);
    const email = input.emails(emailLocalPart(firstName, lastName), EMAIL_DOMAIN);
    const late = i % 4 === 3;
    const hoursAgo = late ? random.int(8 * 24, 30 * 24) : random.int(1, 5 * 24);
    invite({ email, locale, role: 'member' }, new Date(now.getTime() - hoursAgo * HOUR));
    if (late) expired++;
  }

  await insertBatched(db, 'invitations', invitationRows);
  await insertBatched(db, 'mail_outbox', outboxRows);
  return {
    counts: { pending: open - expired, expired, accepted },
    history: { audit: audit.map(auditRow), activity },
  };
}
