// What leaves the server about a person, depending on who asks.
import type { z } from 'zod';
import type { AdminUser, Person } from '../../../common/schemas/people.ts';
import type { Me } from '../../../common/schemas/session.ts';
import type { UserRow } from '../../db/schema.ts';

type WithPlaces = UserRow & { department_name: string | null; site_name: string | null };

const ref = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

export function presentMe(u: WithPlaces): z.infer<typeof Me> {
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
  };
}

export function presentPerson(u: WithPlaces): Person {
  return {
    id: u.id,
    name: u.name,
    handle: u.handle,
    email: u.email,
    jobTitle: u.job_title,
    department: ref(u.department_id, u.department_name),
    site: ref(u.site_id, u.site_name),
  };
}

export function presentAdminUser(u: WithPlaces): AdminUser {
  return {
    ...presentPerson(u),
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
