// The people of the demo organisation: departments, sites, accounts (a few administrators,
// mostly members, some guests from partner companies, a few deactivated), pending, expired
// and accepted invitations with their mail in the outbox, and the audit and activity
// history those would have left. Everything in multi-row inserts.
import type { Db } from '../../server/db/database.ts';
import type { Locale, Role, UserStatus } from '../../server/db/schema.ts';
import { DAY } from '../../server/platform/clock.ts';
import { newId } from '../../server/platform/ids.ts';
import { templates } from '../../server/platform/mail/templates.ts';
import { hashToken, newToken } from '../../server/platform/tokens.ts';
import {
  DEPARTMENTS,
  EMAIL_DOMAIN,
  ENGLISH_FIRST,
  ENGLISH_LAST,
  emailLocalPart,
  FRENCH_FIRST,
  FRENCH_LAST,
  ORGANISATION,
  PARTNER_DOMAINS,
  SITES,
} from './data.ts';
import type { Random } from './random.ts';

const BATCH = 1000;

// biome-ignore lint/suspicious/noExplicitAny: rows of several tables go through one helper.
export async function insertBatched(db: Db, table: any, rows: any[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

export interface SeededPerson {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: UserStatus;
  locale: Locale;
}

export interface PeopleInput {
  users: number;
  publicUrl: string;
  now: Date;
  random: Random;
  adminPasswordHash: string;
  demoPasswordHash: string;
}

/** Ids created with a time in the past, so "newest first" still reads as history. */
const idAt = (date: Date) => newId(date.getTime());

export async function seedPeople(db: Db, input: PeopleInput) {
  const { random, now } = input;
  const past = (maxDays: number) => new Date(now.getTime() - random.int(1, maxDays * 24) * 3_600_000);
  const founded = new Date(now.getTime() - 400 * DAY);

  await db
    .insertInto('organisation')
    .values({ id: 1, name: ORGANISATION, default_locale: 'fr', created_at: founded })
    .execute();
  const departments = DEPARTMENTS.map((d) => ({ id: idAt(founded), name: d.name, created_at: founded }));
  const sites = SITES.map((s) => ({ id: idAt(founded), ...s, created_at: founded }));
  await insertBatched(db, 'departments', departments);
  await insertBatched(db, 'sites', sites);

  const taken = new Map<string, number>();
  const uniqueEmail = (local: string, domain: string) => {
    const key = `${local}@${domain}`;
    const n = (taken.get(key) ?? 0) + 1;
    taken.set(key, n);
    return n === 1 ? key : `${local}${n}@${domain}`;
  };

  const people: (SeededPerson & { created_at: Date })[] = [];
  const userRows = [];
  for (let i = 0; i < input.users; i++) {
    const first = i === 0;
    const english = !first && random.chance(0.35);
    const firstName = first ? 'Camille' : random.pick(english ? ENGLISH_FIRST : FRENCH_FIRST);
    const lastName = first ? 'Martin' : random.pick(english ? ENGLISH_LAST : FRENCH_LAST);
    const guest = !first && random.chance(0.03);
    const role: Role = first || random.chance(0.015) ? 'admin' : guest ? 'guest' : 'member';
    const status: UserStatus = !first && role !== 'admin' && random.chance(0.01) ? 'deactivated' : 'active';
    const locale: Locale = english ? 'en' : 'fr';
    const deptIndex = first ? 0 : random.int(0, DEPARTMENTS.length - 1);
    const dept = DEPARTMENTS[deptIndex]!;
    const titleIndex = random.int(0, dept.fr.length - 1);
    const createdAt = first ? founded : past(380);
    const email = uniqueEmail(
      emailLocalPart(firstName, lastName),
      guest ? random.pick(PARTNER_DOMAINS) : EMAIL_DOMAIN,
    );
    const id = idAt(createdAt);
    const name = `${firstName} ${lastName}`;
    people.push({ id, name, email, role, status, locale, created_at: createdAt });
    userRows.push({
      id,
      email,
      name,
      password_hash: first ? input.adminPasswordHash : input.demoPasswordHash,
      role,
      status,
      locale,
      job_title: guest
        ? null
        : first
          ? 'Directrice générale'
          : (locale === 'fr' ? dept.fr : dept.en)[titleIndex]!,
      department_id: guest ? null : departments[deptIndex]!.id,
      site_id: guest ? null : sites[first ? 0 : random.int(0, sites.length - 1)]!.id,
      invited_by: first ? null : people[0]!.id,
      created_at: createdAt,
      updated_at: createdAt,
      last_sign_in_at: status === 'active' && random.chance(0.8) ? past(30) : null,
      password_changed_at: createdAt,
      deactivated_at: status === 'deactivated' ? past(60) : null,
    });
  }
  await insertBatched(db, 'users', userRows);

  const admin = people[0]!;
  const adminLabel = `${admin.name} <${admin.email}>`;
  const audit: {
    at: Date;
    actor_id: string;
    actor_label: string;
    action: string;
    target_type: string;
    target_id: string;
    target_label: string;
    ip: string;
    user_agent: string;
    before: string | null;
    after: string | null;
    details: null;
  }[] = [
    {
      at: founded,
      actor_id: admin.id,
      actor_label: adminLabel,
      action: 'organisation.setup',
      target_type: 'organisation',
      target_id: '1',
      target_label: ORGANISATION,
      ip: '10.20.0.12',
      user_agent: 'Mozilla/5.0 (demo)',
      before: null,
      after: JSON.stringify({ name: ORGANISATION }),
      details: null,
    },
  ];
  const activity: {
    at: Date;
    actor_id: string;
    verb: string;
    object_type: string;
    object_id: string | null;
    space_id: null;
    data: null;
  }[] = [];
  for (const p of people.slice(1)) {
    if (p.role === 'admin') {
      audit.push({
        at: p.created_at,
        actor_id: admin.id,
        actor_label: adminLabel,
        action: 'user.role_changed',
        target_type: 'user',
        target_id: p.id,
        target_label: `${p.name} <${p.email}>`,
        ip: '10.20.0.12',
        user_agent: 'Mozilla/5.0 (demo)',
        before: JSON.stringify({ role: 'member' }),
        after: JSON.stringify({ role: 'admin' }),
        details: null,
      });
    }
    if (p.status === 'deactivated') {
      audit.push({
        at: now,
        actor_id: admin.id,
        actor_label: adminLabel,
        action: 'user.deactivated',
        target_type: 'user',
        target_id: p.id,
        target_label: `${p.name} <${p.email}>`,
        ip: '10.20.0.12',
        user_agent: 'Mozilla/5.0 (demo)',
        before: JSON.stringify({ status: 'active' }),
        after: JSON.stringify({ status: 'deactivated' }),
        details: null,
      });
    }
  }
  for (const row of userRows) {
    activity.push({
      at: row.created_at,
      actor_id: row.id,
      verb: 'user.activated',
      object_type: 'user',
      object_id: row.id,
      space_id: null,
      data: null,
    });
    if (row.last_sign_in_at) {
      activity.push({
        at: row.last_sign_in_at,
        actor_id: row.id,
        verb: 'user.signed_in',
        object_type: 'session',
        object_id: null,
        space_id: null,
        data: null,
      });
    }
  }

  // Invitations: some waiting, some expired; their mail sits in the outbox (no SMTP in the demo).
  const invitationRows = [];
  const outboxRows = [];
  const invitations = Math.max(3, Math.min(40, Math.round(input.users / 20)));
  for (let i = 0; i < invitations; i++) {
    const english = random.chance(0.35);
    const firstName = random.pick(english ? ENGLISH_FIRST : FRENCH_FIRST);
    const lastName = random.pick(english ? ENGLISH_LAST : FRENCH_LAST);
    const email = uniqueEmail(emailLocalPart(firstName, lastName), EMAIL_DOMAIN);
    const expired = i % 4 === 3;
    const createdAt = expired ? past(30) : new Date(now.getTime() - random.int(1, 5 * 24) * 3_600_000);
    const locale: Locale = english ? 'en' : 'fr';
    const token = newToken();
    const id = idAt(createdAt);
    invitationRows.push({
      id,
      email,
      role: 'member' as const,
      locale,
      message: null,
      token_hash: hashToken(token),
      invited_by: admin.id,
      created_at: createdAt,
      expires_at: new Date(createdAt.getTime() + 7 * DAY),
    });
    const mail = templates[locale].invitation({
      organisation: ORGANISATION,
      inviter: admin.name,
      link: `${input.publicUrl}/invitation#token=${token}`,
      message: null,
      days: 7,
    });
    outboxRows.push({
      id: idAt(createdAt),
      to_address: email,
      kind: 'invitation',
      locale,
      subject: mail.subject,
      text_body: mail.text,
      sensitive: true,
      status: 'outbox_only' as const,
      created_at: createdAt,
    });
    audit.push({
      at: createdAt,
      actor_id: admin.id,
      actor_label: adminLabel,
      action: 'invitation.created',
      target_type: 'invitation',
      target_id: id,
      target_label: email,
      ip: '10.20.0.12',
      user_agent: 'Mozilla/5.0 (demo)',
      before: null,
      after: JSON.stringify({ email, role: 'member' }),
      details: null,
    });
  }
  await insertBatched(db, 'invitations', invitationRows);
  await insertBatched(db, 'mail_outbox', outboxRows);
  audit.sort((a, b) => a.at.getTime() - b.at.getTime());
  activity.sort((a, b) => a.at.getTime() - b.at.getTime());
  await insertBatched(db, 'audit_log', audit);
  await insertBatched(db, 'activity_events', activity);

  return {
    admin,
    people,
    departments: departments.length,
    sites: sites.length,
    invitations: invitations,
  };
}
