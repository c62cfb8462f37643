// What leaves the server about a person, depending on who asks.
import type { z } from 'zod';
import type { AdminUser, OrgMember, Person, PersonDetail, Skill } from '../../../common/schemas/people.ts';
import type { Me } from '../../../common/schemas/session.ts';
import { LANGUAGE_CODES, type LanguageCode } from '../../../common/skills.ts';
import type { UserRow } from '../../db/schema.ts';
import { displayName } from '../privacy/former-employee.ts';
import type { SkillRow } from './profile-queries.ts';

type Places = { department_name: string | null; site_name: string | null };
type PersonRow = Pick<
  UserRow,
  'id' | 'name' | 'handle' | 'email' | 'job_title' | 'department_id' | 'site_id' | 'photo_updated_at'
> &
  Places;
type WithPlaces = UserRow &
  Places & { manager_name: string | null; manager_handle: string | null; manager_job_title: string | null };

const ref = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

/** The photo's address changes with the photo, so it may be cached for long. */
export const photoUrl = (u: Pick<UserRow, 'id' | 'photo_updated_at'>) =>
  u.photo_updated_at ? `/api/v1/people/${u.id}/photo?v=${u.photo_updated_at.getTime().toString(36)}` : null;

export function presentManager(u: WithPlaces) {
  return u.manager_id && u.manager_name && u.manager_handle
    ? { id: u.manager_id, name: u.manager_name, handle: u.manager_handle, jobTitle: u.manager_job_title }
    : null;
}

/** `access`: what the person may open, decided by each capability's policy (see me.ts). */
export function presentMe(u: WithPlaces, access: { readsAnalytics: boolean }): z.infer<typeof Me> {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    handle: u.handle,
    role: u.role,
    locale: u.locale,
    jobTitle: u.job_title,
    department: ref(u.department_id, u.department_name),
    site: ref(u.site_id, u.site_name),
    careAgent: u.care_agent,
    readsAnalytics: access.readsAnalytics,
  };
}

export function presentPerson(u: PersonRow): Person {
  return {
    id: u.id,
    name: displayName(u.name),
    handle: u.handle,
    email: u.email,
    jobTitle: u.job_title,
    department: ref(u.department_id, u.department_name),
    site: ref(u.site_id, u.site_name),
    photoUrl: photoUrl(u),
  };
}

export function presentAdminUser(u: WithPlaces): AdminUser {
  return {
    ...presentPerson(u),
    manager: presentManager(u),
    role: u.role,
    status: u.status,
    locale: u.locale,
    createdAt: u.created_at.toISOString(),
    lastSignInAt: u.last_sign_in_at?.toISOString() ?? null,
  };
}

/** Snapshot of the fields an audit record compares before and after. */
export function auditSnapshot(u: Pick<UserRow, 'role' | 'status' | 'name' | 'locale'>) {
  return { role: u.role, status: u.status, name: u.name, locale: u.locale };
}

export const userLabel = (u: Pick<UserRow, 'name' | 'email'>) => `${u.name} <${u.email}>`;

export function presentSkill(s: SkillRow): Skill {
  return {
    key: s.key,
    name: s.name,
    endorsements: s.endorsements,
    endorsedByMe: s.endorsed_by_me,
    endorsedBy: s.endorsers.map((e) => ({ id: e.id, name: e.name, handle: e.handle, jobTitle: e.job_title })),
  };
}

export function presentPersonDetail(
  u: WithPlaces,
  skills: SkillRow[],
  reportCount: number,
  canEndorse: boolean,
): PersonDetail {
  return {
    person: presentPerson(u),
    status: u.status,
    phone: u.phone,
    languages: u.languages.filter((code): code is LanguageCode =>
      (LANGUAGE_CODES as readonly string[]).includes(code),
    ),
    about: u.about,
    manager: presentManager(u),
    reportCount,
    skills: skills.map(presentSkill),
    canEndorse,
  };
}

/**
 * What a guest sees of someone sharing an external space with them: name, photo and job
 * title. No email, phone, place, manager, about or skills.
 */
export function presentPersonCard(u: WithPlaces): PersonDetail {
  return {
    person: { ...presentPerson(u), email: '', department: null, site: null },
    status: u.status,
    phone: null,
    languages: [],
    about: null,
    manager: null,
    reportCount: 0,
    skills: [],
    canEndorse: false,
  };
}

export function presentOrgMember(u: PersonRow, counts: Map<string, number>): OrgMember {
  return { person: presentPerson(u), reportCount: counts.get(u.id) ?? 0 };
}
