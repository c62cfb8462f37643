// Erasing a person (the right to erasure). In one transaction: everything that describes
// them goes (name, address, phone, photo, skills, sessions, notifications, follows…), the
// account is closed for good, and what they wrote is kept under "former employee" or
// deleted, as the organisation chose. Files are removed by a job once that committed.
// The audit record names them by id only: earlier records keep their address, because the
// log is append-only and hash-chained (a legal-basis exception, see docs/privacy.md).
import type { AppContext } from '../../context.ts';
import { recordActivity } from '../../platform/activity.ts';
import { audit } from '../../platform/audit.ts';
import { endAllSessions } from '../../platform/auth/sessions.ts';
import { conflict, ValidationError } from '../../platform/errors.ts';
import { actorRef } from '../../platform/http/request.ts';
import { enqueue } from '../../platform/jobs/queue.ts';
import { publishAfterCommit } from '../../platform/realtime/publish.ts';
import { inTransaction, type Tx } from '../../platform/transaction.ts';
import { forgetPerson } from '../analytics/forget.ts';
import { type ChangeAccountInput, guardAccountChange } from '../people/commands/change-role.ts';
import { erasedEmail, erasedHandle, FORMER_EMPLOYEE_NAME } from './former-employee.ts';
import { purgeContent } from './purge-content.ts';

export const REMOVE_FILES_JOB = 'personal_data.remove_files';

export function eraseUser(ctx: AppContext, input: ChangeAccountInput & { confirmation: string }) {
  return inTransaction(ctx, async (tx) => {
    const user = await guardAccountChange(tx, input, true);
    if (user.erased_at) throw conflict('conflict', 'This person was already erased.');
    if (input.confirmation !== user.email) {
      throw new ValidationError([
        {
          field: 'confirmation',
          reason: 'confirmation_mismatch',
          message: 'Type the person’s email address to confirm.',
        },
      ]);
    }
    const organisation = await tx.db
      .selectFrom('organisation')
      .select('erasure_content')
      .executeTakeFirstOrThrow();
    const mode = organisation.erasure_content;
    const sessions = await endAllSessions(tx.db, user.id);
    publishAfterCommit(tx, { type: 'sessions.ended', userId: user.id });
    await removePersonalData(tx, user.id, user.email);
    await forgetPerson(tx, user.id);
    const purged =
      mode === 'delete'
        ? await purgeContent(tx, user.id)
        : { posts: 0, comments: 0, pages: 0, storageKeys: [] as string[] };
    const keys = [...purged.storageKeys, ...(user.photo_key ? [user.photo_key] : [])];
    // The archives they downloaded go too (the rows cascade with nothing; the files by job).
    const exports = await tx.db
      .deleteFrom('personal_data_exports')
      .where('user_id', '=', user.id)
      .returning('storage_key')
      .execute();
    for (const e of exports) if (e.storage_key) keys.push(e.storage_key);
    if (keys.length > 0) await enqueue(tx, REMOVE_FILES_JOB, { keys });

    await tx.db
      .updateTable('users')
      .set({
        name: FORMER_EMPLOYEE_NAME,
        email: erasedEmail(user.id),
        handle: erasedHandle(user.id),
        password_hash: null,
        status: 'deactivated',
        deactivated_at: user.deactivated_at ?? tx.now,
        erased_at: tx.now,
        updated_at: tx.now,
        job_title: null,
        department_id: null,
        site_id: null,
        manager_id: null,
        invited_by: null,
        phone: null,
        about: null,
        languages: [],
        photo_key: null,
        photo_type: null,
        photo_updated_at: null,
      })
      .where('id', '=', user.id)
      .execute();
    const removed = {
      posts: purged.posts,
      comments: purged.comments,
      pages: purged.pages,
      files: purged.storageKeys.length,
    };
    await audit(tx.db, {
      action: 'user.erased',
      actor: actorRef(input.actor),
      // By id only: this record must not carry the personal data it records removing.
      target: { type: 'user', id: user.id, label: null },
      details: { content: mode, removed, sessionsEnded: sessions },
      meta: input.meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: input.actor.id,
      verb: 'user.erased',
      objectType: 'user',
      objectId: user.id,
      data: { content: mode },
      at: tx.now,
    });
    return { id: user.id, erasedAt: tx.now, content: mode, removed };
  });
}

/** Every row that describes the person or what they chose, whatever happens to their content. */
async function removePersonalData(tx: Tx, userId: string, email: string): Promise<void> {
  const db = tx.db;
  const byUser = [
    'password_resets',
    'notifications',
    'notification_mutes',
    'bookmarks',
    'tag_follows',
    'calendar_feeds',
    'user_skills', // endorsements they received go with their skills
    'space_requests',
  ] as const;
  for (const table of byUser) await db.deleteFrom(table).where('user_id', '=', userId).execute();
  await db.deleteFrom('skill_endorsements').where('endorser_id', '=', userId).execute();
  await db
    .deleteFrom('follows')
    .where((eb) => eb.or([eb('follower_id', '=', userId), eb('followee_id', '=', userId)]))
    .execute();
  // Invitations they sent carry others' addresses and their words; the one they accepted, theirs.
  await db
    .deleteFrom('invitations')
    .where((eb) =>
      eb.or([eb('invited_by', '=', userId), eb('accepted_user_id', '=', userId), eb('email', '=', email)]),
    )
    .execute();
  // Mail held in the outbox for them carries their address and name.
  await db.deleteFrom('mail_outbox').where('to_address', '=', email).execute();
  // Their reports no longer hang from a person who is gone.
  await db.updateTable('users').set({ manager_id: null }).where('manager_id', '=', userId).execute();
}

/** The job: files of an erased person, removed once the erasure committed. */
export function removeFiles(ctx: AppContext) {
  return async (payload: Record<string, unknown>) => {
    const keys = Array.isArray(payload.keys) ? payload.keys.map(String) : [];
    for (const key of keys) await ctx.storage.remove(key);
  };
}
