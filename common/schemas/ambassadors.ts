// Shapes of the ambassador programme: share kits, the employee's view, a share, the reach report.
import { z } from 'zod';
import { NETWORKS } from '../ambassadors.ts';
import { Id } from './primitives.ts';

export const Network = z.enum(NETWORKS);
export const KitStatus = z.enum(['draft', 'published', 'archived']);

const WebUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      return false;
    }
  }, 'An http or https address.');

export const KitTexts = z
  .object({
    generic: z.string().trim().min(1).max(3000),
    linkedin: z.string().trim().max(3000).optional(),
    x: z.string().trim().max(280).optional(),
    facebook: z.string().trim().max(3000).optional(),
    bluesky: z.string().trim().max(300).optional(),
  })
  .strict();

export const KitBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    texts: KitTexts,
    targetUrl: WebUrl,
    editable: z.boolean().default(true),
    disclosure: z.boolean().default(true),
    departmentIds: z.array(Id).max(200).default([]),
    siteIds: z.array(Id).max(200).default([]),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
  })
  .refine((b) => new Date(b.endsAt) > new Date(b.startsAt), {
    path: ['endsAt'],
    message: 'Ends after it starts.',
  });

export const Kit = z.object({
  id: Id,
  slug: z.string(),
  title: z.string(),
  texts: z.record(z.string(), z.string()),
  targetUrl: z.string(),
  /** The kit's uploaded image, served by Trame (PUT …/kits/{id}/image); null without one. */
  imageUrl: z.string().nullable(),
  editable: z.boolean(),
  disclosure: z.boolean(),
  departmentIds: z.array(z.string()),
  siteIds: z.array(z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  status: KitStatus,
  publishedAt: z.string().nullable(),
  archivedAt: z.string().nullable(),
});
export type Kit = z.infer<typeof Kit>;
export const KitList = z.object({ items: z.array(Kit) });

export const LeaderboardEntry = z.object({
  id: z.string(),
  name: z.string(),
  shares: z.number(),
  clicks: z.number(),
});

export const AmbassadorHome = z.object({
  optedIn: z.boolean(),
  canManage: z.boolean(),
  organisation: z.string(),
  leaderboardOn: z.boolean(),
  kits: z.array(Kit),
  leaderboard: z.array(LeaderboardEntry).nullable(),
});
export type AmbassadorHome = z.infer<typeof AmbassadorHome>;

export const MembershipBody = z.object({ optedIn: z.boolean() });
export const ShareBody = z.object({ network: Network });
export const Share = z.object({ code: z.string(), link: z.string() });
export const SettingsBody = z.object({ leaderboard: z.boolean() });
export const Settings = z.object({ leaderboard: z.boolean() });

export const ReachReport = z.object({
  totals: z.object({ ambassadors: z.number(), shares: z.number(), clicks: z.number() }),
  kits: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: KitStatus,
      shares: z.number(),
      clicks: z.number(),
      byNetwork: z.array(z.object({ network: z.string(), shares: z.number(), clicks: z.number() })),
    }),
  ),
  departments: z.array(
    z.object({
      name: z.string().nullable(),
      ambassadors: z.number(),
      shares: z.number(),
      clicks: z.number(),
    }),
  ),
  leaderboard: z.array(LeaderboardEntry),
  leaderboardOn: z.boolean(),
});
export type ReachReport = z.infer<typeof ReachReport>;

/** A colleague holding the communication-manager grant, for the administrators' pages. */
export const CommunicationManager = z.object({ id: z.string(), name: z.string(), email: z.string() });
export const CommunicationManagerList = z.object({ items: z.array(CommunicationManager) });
export const CommunicationManagerBody = z.object({ communicationManager: z.boolean() });
