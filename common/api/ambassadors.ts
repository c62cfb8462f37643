// Endpoints of the ambassador programme: employees opt in and share; communication managers
// (administrators) write, publish and archive share kits and read the reach report.
import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import {
  AmbassadorHome,
  Kit,
  KitBody,
  KitList,
  MembershipBody,
  ReachReport,
  Settings,
  SettingsBody,
  Share,
  ShareBody,
} from '../schemas/ambassadors.ts';
import { Id } from '../schemas/primitives.ts';

const tags = ['ambassadors'];
const byId = z.object({ id: Id });

export const ambassadorsApi = {
  ambassadorHome: endpoint({
    method: 'GET',
    path: '/api/v1/ambassadors',
    operationId: 'ambassadorHome',
    tags,
    access: 'signed-in',
    summary:
      "The employee's programme: opted in or not, the current kits for their audience, the leaderboard when on.",
    response: AmbassadorHome,
  }),
  setAmbassadorMembership: endpoint({
    method: 'PUT',
    path: '/api/v1/ambassadors/membership',
    operationId: 'setAmbassadorMembership',
    tags,
    access: 'signed-in',
    summary: 'Opts in to or out of the ambassador programme.',
    body: MembershipBody,
    response: null,
    status: 204,
  }),
  shareKit: endpoint({
    method: 'POST',
    path: '/api/v1/ambassadors/kits/:id/share',
    operationId: 'shareKit',
    tags,
    access: 'signed-in',
    summary: "Counts a share and gives the ambassador's tracked link (/r/{code}) for this kit and network.",
    params: byId,
    body: ShareBody,
    response: Share,
  }),
  listKits: endpoint({
    method: 'GET',
    path: '/api/v1/ambassadors/kits',
    operationId: 'listKits',
    tags,
    access: 'signed-in',
    summary: 'Every share kit, drafts and archived ones included (communication managers).',
    response: KitList,
  }),
  createKit: endpoint({
    method: 'POST',
    path: '/api/v1/ambassadors/kits',
    operationId: 'createKit',
    tags,
    access: 'signed-in',
    summary: 'Writes a share kit as a draft (communication managers).',
    body: KitBody,
    response: Kit,
    status: 201,
  }),
  updateKit: endpoint({
    method: 'PUT',
    path: '/api/v1/ambassadors/kits/:id',
    operationId: 'updateKit',
    tags,
    access: 'signed-in',
    summary: 'Changes a share kit that is not archived (communication managers).',
    params: byId,
    body: KitBody,
    response: Kit,
  }),
  publishKit: endpoint({
    method: 'POST',
    path: '/api/v1/ambassadors/kits/:id/publish',
    operationId: 'publishKit',
    tags,
    access: 'signed-in',
    summary: 'Publishes a draft kit to its audience (communication managers).',
    params: byId,
    response: Kit,
  }),
  archiveKit: endpoint({
    method: 'POST',
    path: '/api/v1/ambassadors/kits/:id/archive',
    operationId: 'archiveKit',
    tags,
    access: 'signed-in',
    summary:
      'Archives a kit: it leaves the page and its tracked links stop forwarding (communication managers).',
    params: byId,
    response: Kit,
  }),
  ambassadorReport: endpoint({
    method: 'GET',
    path: '/api/v1/ambassadors/report',
    operationId: 'ambassadorReport',
    tags,
    access: 'signed-in',
    summary:
      'Reach: shares and clicks per kit and network, participation by department, leaderboard (communication managers).',
    response: ReachReport,
  }),
  setAmbassadorSettings: endpoint({
    method: 'PUT',
    path: '/api/v1/ambassadors/settings',
    operationId: 'setAmbassadorSettings',
    tags,
    access: 'signed-in',
    summary: "Switches the ambassadors' leaderboard on or off for the organisation (communication managers).",
    body: SettingsBody,
    response: Settings,
  }),
} as const;
