import { z } from 'zod';
import { LANGUAGE_CODES, SKILL_NAME_MAX, SKILLS_MAX, skillKey } from '../skills.ts';
import { Cursor, DateTime, Id, Limit, Locale, Page, Ref, Role } from './primitives.ts';
import { PersonRef } from './spaces.ts';

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
  manager: PersonRef.nullable(),
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
  /** Their photo (changes address when the photo changes), or null for initials. */
  photoUrl: z.string().nullable(),
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

// Profiles: the fields a person fills in about themselves, skills and endorsements.

export const JobTitle = z.string().trim().min(1).max(100);
export const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ().-]{2,38}$/, 'Enter a phone number: digits, spaces and + ( ) - . only.');
export const About = z.string().trim().max(2000, 'At most 2,000 characters.');
export const LanguageCode = z.enum(LANGUAGE_CODES);
/** Only spaces, or nothing: the field is cleared. */
const Cleared = z
  .string()
  .trim()
  .max(0)
  .transform(() => null);

export const SkillName = z
  .string()
  .trim()
  .min(1, 'Enter a skill.')
  .max(SKILL_NAME_MAX, `At most ${SKILL_NAME_MAX} characters.`)
  .transform((s) => s.replace(/\s+/g, ' '))
  .refine((s) => skillKey(s).length > 0, 'Enter a skill made of letters or digits.');

/** A declared skill with its endorsements; `endorsedBy` holds the five most recent. */
export const Skill = z.object({
  key: z.string(),
  name: z.string(),
  endorsements: z.number(),
  endorsedByMe: z.boolean(),
  endorsedBy: z.array(PersonRef),
});
export type Skill = z.infer<typeof Skill>;
export const SkillList = z.object({ items: z.array(Skill) });

/** Everything a colleague's profile shows, beyond the directory card. */
export const PersonDetail = z.object({
  person: Person,
  status: z.enum(USER_STATUSES),
  phone: z.string().nullable(),
  languages: z.array(LanguageCode),
  about: z.string().nullable(),
  manager: PersonRef.nullable(),
  reportCount: z.number(),
  skills: z.array(Skill),
  /** Whether the viewer may endorse these skills (a colleague's, active, not their own). */
  canEndorse: z.boolean(),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

/** Own profile: a field left out is kept; null (or an empty text) clears it. */
export const ProfileUpdateBody = z
  .object({
    jobTitle: z.union([JobTitle, Cleared, z.null()]).optional(),
    phone: z.union([Phone, Cleared, z.null()]).optional(),
    languages: z.array(LanguageCode).max(10, 'At most 10 languages.').nullable().optional(),
    about: About.nullable().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'Nothing to change.');
export type ProfileUpdateBody = z.input<typeof ProfileUpdateBody>;

export const SkillsBody = z.object({
  skills: z.array(SkillName).max(SKILLS_MAX, `At most ${SKILLS_MAX} skills.`),
});
export const SkillParams = z.object({
  id: Id,
  key: z
    .string()
    .trim()
    .min(1)
    .max(SKILL_NAME_MAX * 2),
});

export const PhotoState = z.object({ photoUrl: z.string().nullable() });

/** Organisation fields an administrator keeps: department and site by name (created when new). */
export const OrganisationUpdateBody = z
  .object({
    jobTitle: z.union([JobTitle, Cleared, z.null()]).optional(),
    department: z.union([z.string().trim().max(100), z.null()]).optional(),
    site: z.union([z.string().trim().max(100), z.null()]).optional(),
    managerId: Id.nullable().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'Nothing to change.');
export type OrganisationUpdateBody = z.input<typeof OrganisationUpdateBody>;

/** A place in the org chart: the person and how many report to them directly. */
export const OrgMember = z.object({ person: Person, reportCount: z.number() });
export type OrgMember = z.infer<typeof OrgMember>;
export const OrgChart = z.object({
  /** From the top of the organisation down to the person's own manager. */
  managers: z.array(OrgMember),
  person: OrgMember,
  reports: z.array(OrgMember),
});
export type OrgChart = z.infer<typeof OrgChart>;
/** The top of the chart: active people with no manager who have reports. */
export const OrgRoots = z.object({ items: z.array(OrgMember) });

/** Why someone knows about a subject: declared skills with their endorsements, and writings. */
export const MatchedSkill = z.object({ name: z.string(), endorsements: z.number() });
export const Expertise = z.object({
  skills: z.array(MatchedSkill),
  /** What they wrote on the subject, among what the reader may read. */
  answers: z.number(),
  acceptedAnswers: z.number(),
  posts: z.number(),
});
export type Expertise = z.infer<typeof Expertise>;
export const ExpertiseQuery = z.object({
  q: z.string().trim().min(1, 'Enter a subject.').max(100),
  departmentId: Id.optional(),
  siteId: Id.optional(),
});
export const ExpertiseMatch = Expertise.extend({ person: Person });
export type ExpertiseMatch = z.infer<typeof ExpertiseMatch>;
export const ExpertiseList = z.object({ items: z.array(ExpertiseMatch) });
