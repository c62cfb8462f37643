import { z } from 'zod';
import { Cursor, DateTime, Limit, Locale, Page, Ref, Role } from './primitives.ts';

export const USER_STATUSES = ['active', 'deactivated'] as const;
export const UserStatus = z.enum(USER_STATUSES);

/** An account as administrators see it. */
export const AdminUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  status: UserStatus,
  locale: Locale,
  jobTitle: z.string().nullable(),
  department: Ref.nullable(),
  site: Ref.nullable(),
  createdAt: DateTime,
  lastSignInAt: DateTime.nullable(),
});
export type AdminUser = z.infer<typeof AdminUser>;
export const AdminUserPage = Page(AdminUser);
export type AdminUserPage = z.infer<typeof AdminUserPage>;

export const AdminUserQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: Role.optional(),
  status: UserStatus.optional(),
  cursor: Cursor,
  limit: Limit,
});

export const RoleChangeBody = z.object({ role: Role });

/** A colleague as the directory shows them. */
export const Person = z.object({
  id: z.string(),
  name: z.string(),
  handle: z.string(),
  email: z.string(),
  jobTitle: z.string().nullable(),
  department: Ref.nullable(),
  site: Ref.nullable(),
});
export type Person = z.infer<typeof Person>;
export const PersonPage = Page(Person);
export type PersonPage = z.infer<typeof PersonPage>;

export const PeopleQuery = z.object({
  q: z.string().trim().max(100).optional(),
  departmentId: z.uuid().optional(),
  siteId: z.uuid().optional(),
  cursor: Cursor,
  limit: Limit,
});

export const Directory = z.object({ departments: z.array(Ref), sites: z.array(Ref) });
