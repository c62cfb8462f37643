// The people of the demo organisation: departments, sites, accounts (a few administrators,
// mostly members, some guests from partner companies, a few deactivated), and the audit and
// activity history their setup, promotions, deactivations and sign-ins would have left.
// Everything in multi-row inserts.
import type { Insertable } from 'kysely';
import type { Db } from '../../server/db/database.ts';
import type { Locale, Role, UserStatus, UserTable } from '../../server/db/schema.ts';
import { auditSnapshot, userLabel } from '../../server/modules/people/presenters.ts';
import type { AuditEntry } from '../../server/platform/audit.ts';
import { DAY } from '../../server/platform/clock.ts';
import { newId } from '../../server/platform/ids.ts';
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
import { ADMIN_META, activityRow, auditRow, insertBatched } from './history.ts';
import type { Random } from './random.ts';

/** Share of people with an English name who use Trame in English. */
export const ENGLISH_SHARE = 0.4;
/** Accounts created in this window joined through an invitation (see invitations.ts). */
export const INVITED_WITHIN_DAYS = 45;

export interface SeededPerson {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: UserStatus;
  locale: Locale;
}

export interface SeededAccount extends SeededPerson {
  createdAt: Date;
  /** Joined by accepting an invitation (guests always do), rather than being there before. */
  invited: boolean;
  /** Indexes in DEPARTMENTS and SITES; null for guests. */
  department: number | null;
  site: number | null;
}

export interface PeopleInput {
  users: number;
  now: Date;
  random: Random;
  adminPasswordHash: string;
  demoPasswordHash: string;
}

/** Ids created with a time in the past, so "newest first" still reads as history. */
export const idAt = (date: Date) => newId(date.getTime());

/** A moment between two others, to the minute. */
export const between = (random: Random, from: Date, to: Date) =>
  new Date(from.getTime() + Math.floor(random.next() * Math.max(0, to.getTime() - from.getTime())));

/** Email addresses, unique across accounts and invitations: "marie.dupont2@…" for the second. */
export function emailBook() {
  const taken = new Map<string, number>();
  return (local: string, domain: string) => {
    const key = `${local}@${domain}`;
    const n = (taken.get(key) ?? 0) + 1;
    taken.set(key, n);
    return n === 1 ? key : `${local}${n}@${domain}`;
  };
}
export type EmailBook = ReturnType<typeof emailBook>;

/** A French or English first and last name, and the matching language. */
export function pickName(random: Random) {
  const english = random.chance(ENGLISH_SHARE);
  return {
    firstName: random.pick(english ? ENGLISH_FIRST : FRENCH_FIRST),
    lastName: random.pick(english ? ENGLISH_LAST : FRENCH_LAST),
    locale: (english ? 'en' : 'fr') as Locale,
  };
}

export async function seedPeople(db: Db, input: PeopleInput & { emails: EmailBook }) {
  const { random, now } = input;
  const founded = new Date(now.getTime() - 400 * DAY);

  await db
    .insertInto('organisation')
    .values({ id: 1, name: ORGANISATION, default_locale: 'fr', created_at: founded })
    .execute();
  const departments = DEPARTMENTS.map((d) => ({ id: idAt(founded), name: d.name, created_at: founded }));
  const sites = SITES.map((s) => ({ id: idAt(founded), ...s, created_at: founded }));
  await insertBatched(db, 'departments', departments);
  await insertBatched(db, 'sites', sites);

  const accounts: SeededAccount[] = [];
  const userRows: Insertable<UserTable>[] = [];
  for (let i = 0; i < input.users; i++) {
    const first = i === 0;
    const { firstName, lastName, locale } = first
      ? { firstName: 'Camille', lastName: 'Martin', locale: 'fr' as Locale }
      : pickName(random);
    const guest = !first && random.chance(0.03);
    const role: Role = first || random.chance(0.02) ? 'admin' : guest ? 'guest' : 'member';
    const status: UserStatus = !first && role !== 'admin' && random.chance(0.01) ? 'deactivated' : 'active';
    const createdAt = first ? founded : new Date(now.getTime() - random.int(1, 380 * 24) * 3_600_000);
    const deactivatedAt = status === 'deactivated' ? between(random, createdAt, now) : null;
    const lastSignInAt = random.chance(0.8) ? between(random, createdAt, deactivatedAt ?? now) : null;
    const dept = first ? 0 : random.int(0, DEPARTMENTS.length - 1);
    const titles = DEPARTMENTS[dept]![locale];
    const title = titles[random.int(0, titles.length - 1)]!;
    const site = first ? 0 : random.int(0, sites.length - 1);
    const email = input.emails(
      emailLocalPart(firstName, lastName),
      guest ? random.pick(PARTNER_DOMAINS) : EMAIL_DOMAIN,
    );
    const id = idAt(createdAt);
    const name = `${firstName} ${lastName}`;
    const invited = !first && (guest || now.getTime() - createdAt.getTime() < INVITED_WITHIN_DAYS * DAY);
    accounts.push({
      id,
      name,
      email,
      role,
      status,
      locale,
      createdAt,
      invited,
      department: guest ? null : dept,
      site: guest ? null : site,
    });
    userRows.push({
      id,
      email,
      name,
      password_hash: first ? input.adminPasswordHash : input.demoPasswordHash,
      role,
      status,
      locale,
      job_title: guest ? null : first ? 'Directrice générale' : title,
      department_id: guest ? null : departments[dept]!.id,
      site_id: guest ? null : sites[site]!.id,
      invited_by: first ? null : accounts[0]!.id,
      created_at: createdAt,
      updated_at: deactivatedAt ?? createdAt,
      last_sign_in_at: lastSignInAt,
      password_changed_at: createdAt,
      deactivated_at: deactivatedAt,
    });
  }
  await insertBatched(db, 'users', userRows);
  return {
    admin: accounts[0]!,
    accounts,
    departments: departments.length,
    sites: sites.length,
    history: peopleHistory({ accounts, userRows, random, founded, now }),
  };
}

function peopleHistory(input: {
  accounts: SeededAccount[];
  userRows: Insertable<UserTable>[];
  random: Random;
  founded: Date;
  now: Date;
}) {
  const { accounts, random, founded, now } = input;
  const admin = accounts[0]!;
  const adminRef = { id: admin.id, label: userLabel(admin) };
  const officeMeta = () => ({
    ip: `10.20.${random.int(1, 40)}.${random.int(2, 250)}`,
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0',
  });
  const audit: AuditEntry[] = [
    {
      action: 'organisation.setup',
      actor: adminRef,
      target: { type: 'organisation', id: '1', label: ORGANISATION },
      after: { organisationName: ORGANISATION, administrator: admin.email, locale: 'fr' },
      meta: ADMIN_META,
      at: founded,
    },
  ];
  const activity = [
    activityRow({
      actorId: admin.id,
      verb: 'organisation.set_up',
      objectType: 'organisation',
      objectId: '1',
      at: founded,
    }),
  ];
  input.accounts.forEach((p, i) => {
    const row = input.userRows[i]!;
    const target = { type: 'user', id: p.id, label: userLabel(p) };
    const member = { role: 'member' as const, status: 'active' as const, name: p.name, locale: p.locale };
    // Invited people's activation is recorded with their invitation (invitations.ts).
    if (!p.invited) {
      activity.push(
        activityRow({
          actorId: p.id,
          verb: 'user.activated',
          objectType: 'user',
          objectId: p.id,
          at: p.createdAt,
        }),
      );
    }
    if (i > 0 && p.role === 'admin') {
      audit.push({
        action: 'user.role_changed',
        actor: adminRef,
        target,
        before: auditSnapshot(member),
        after: auditSnapshot({ ...member, role: 'admin' }),
        meta: ADMIN_META,
        at: between(random, p.createdAt, now),
      });
    }
    if (row.deactivated_at) {
      audit.push({
        action: 'user.deactivated',
        actor: adminRef,
        target,
        before: auditSnapshot({ ...member, role: p.role }),
        after: auditSnapshot({ ...member, role: p.role, status: 'deactivated' }),
        details: { sessionsEnded: 0 },
        meta: ADMIN_META,
        at: row.deactivated_at as Date,
      });
    }
    if (row.last_sign_in_at) {
      const at = row.last_sign_in_at as Date;
      audit.push({
        action: 'auth.sign_in',
        actor: { id: p.id, label: userLabel(p) },
        target,
        details: { method: 'password' },
        meta: p.id === admin.id ? ADMIN_META : officeMeta(),
        at,
      });
      activity.push(
        activityRow({ actorId: p.id, verb: 'user.signed_in', objectType: 'user', objectId: p.id, at }),
      );
    }
  });
  return { audit: audit.map(auditRow), activity };
}
