import { z } from 'zod';
import { Cursor, DateTime, Id, Limit } from './primitives.ts';

export const SPACE_TYPES = ['project', 'team', 'event', 'community', 'pilot'] as const;
export const SpaceType = z.enum(SPACE_TYPES);
export type SpaceType = z.infer<typeof SpaceType>;

/** open: anyone may see and join; private: listed, content for members, join by request; secret: members only. */
export const SPACE_VISIBILITIES = ['open', 'private', 'secret'] as const;
export const SpaceVisibility = z.enum(SPACE_VISIBILITIES);
export type SpaceVisibility = z.infer<typeof SpaceVisibility>;

export const SPACE_ROLES = ['owner', 'moderator', 'member'] as const;
export const SpaceRole = z.enum(SPACE_ROLES);
export type SpaceRole = z.infer<typeof SpaceRole>;

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const Slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(60)
  .regex(SLUG_PATTERN, 'Use lowercase letters, digits and single hyphens.');

/** A space named in the URL by id or by slug. */
export const SpaceRefParams = z.object({ space: z.string().trim().min(1).max(80) });

/** A person as other people's content shows them. */
export const PersonRef = z.object({
  id: z.string(),
  name: z.string(),
  handle: z.string(),
  jobTitle: z.string().nullable(),
});
export type PersonRef = z.infer<typeof PersonRef>;

/** external: people outside the company (guests) may be in it, so every surface shows a badge. */
export const SpaceSummary = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  external: z.boolean(),
});
export type SpaceSummary = z.infer<typeof SpaceSummary>;

export const Space = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  type: SpaceType,
  visibility: SpaceVisibility,
  /** Open to guests (customers, partners) invited into it. */
  external: z.boolean(),
  memberCount: z.number(),
  createdAt: DateTime,
  /** The viewer's relation to the space. */
  myRole: SpaceRole.nullable(),
  myRequest: z.enum(['requested', 'invited']).nullable(),
  /** What the viewer may do here (the server decides; the client only shows or hides). */
  can: z.object({
    read: z.boolean(),
    post: z.boolean(),
    join: z.boolean(),
    manage: z.boolean(),
    moderate: z.boolean(),
  }),
});
export type Space = z.infer<typeof Space>;
export const SpacePage = z.object({ items: z.array(Space), nextCursor: z.string().nullable() });
export type SpacePage = z.infer<typeof SpacePage>;

export const SpaceQuery = z.object({
  q: z.string().trim().max(100).optional(),
  type: SpaceType.optional(),
  /** mine: spaces I belong to; invited: spaces that invited me. */
  filter: z.enum(['all', 'mine', 'invited']).default('all'),
  cursor: Cursor,
  limit: Limit,
});

export const SpaceName = z.string().trim().min(2, 'At least 2 characters.').max(80);
export const SpaceDescription = z.string().trim().max(2000);

export const SpaceCreateBody = z.object({
  name: SpaceName,
  slug: Slug.optional(),
  description: SpaceDescription.default(''),
  type: SpaceType,
  visibility: SpaceVisibility,
  external: z.boolean().default(false),
});
export type SpaceCreateBody = z.input<typeof SpaceCreateBody>;

export const SpaceUpdateBody = z
  .object({
    name: SpaceName.optional(),
    description: SpaceDescription.optional(),
    type: SpaceType.optional(),
    visibility: SpaceVisibility.optional(),
    external: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'Nothing to change.');
export type SpaceUpdateBody = z.input<typeof SpaceUpdateBody>;

export const JoinBody = z.object({ message: z.string().trim().max(500).optional() });

export const SpaceMember = z.object({ person: PersonRef, role: SpaceRole, joinedAt: DateTime });
export type SpaceMember = z.infer<typeof SpaceMember>;
export const SpaceMemberPage = z.object({ items: z.array(SpaceMember), nextCursor: z.string().nullable() });
export const SpaceMemberQuery = z.object({
  q: z.string().trim().max(100).optional(),
  cursor: Cursor,
  limit: Limit,
});

export const SpaceInviteBody = z.object({ userIds: z.array(Id).min(1).max(50) });
export const SpaceInviteResult = z.object({ invited: z.number(), alreadyMembers: z.number() });
export const MemberRoleBody = z.object({ role: SpaceRole });
export const MemberParams = z.object({ space: z.string().trim().min(1).max(80), userId: Id });

export const SpaceRequest = z.object({
  id: z.string(),
  kind: z.enum(['request', 'invitation']),
  person: PersonRef,
  message: z.string().nullable(),
  createdAt: DateTime,
  createdBy: PersonRef,
});
export type SpaceRequest = z.infer<typeof SpaceRequest>;
export const SpaceRequestList = z.object({ items: z.array(SpaceRequest) });
export const RequestParams = z.object({ space: z.string().trim().min(1).max(80), requestId: Id });
