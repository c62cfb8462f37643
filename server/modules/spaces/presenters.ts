// What leaves the server about spaces, members and requests.
import type { Space, SpaceMember, SpaceRequest } from '../../../common/schemas/spaces.ts';
import type { SpaceRole } from '../../db/schema.ts';
import { presentPersonRef } from '../stream/presenters.ts';
import { spaceCan } from './policies.ts';
import { pendingOf, type SpaceWithViewer } from './queries.ts';
import type { Viewer } from './visibility.ts';

export function presentSpace(viewer: Viewer, row: SpaceWithViewer): Space {
  const pending = pendingOf(row);
  const membership = row.my_role ?? null;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    type: row.type,
    visibility: row.visibility,
    external: row.external,
    memberCount: row.member_count,
    createdAt: row.created_at.toISOString(),
    myRole: membership,
    myRequest: pending,
    can: spaceCan(viewer, row, membership, pending),
  };
}

export function presentMember(row: {
  id: string;
  name: string;
  handle: string;
  job_title: string | null;
  role: SpaceRole;
  joined_at: Date;
}): SpaceMember {
  return { person: presentPersonRef(row), role: row.role, joinedAt: row.joined_at.toISOString() };
}

export function presentRequest(row: {
  id: string;
  kind: 'request' | 'invitation';
  message: string | null;
  created_at: Date;
  person_id: string;
  person_name: string;
  person_handle: string;
  person_job_title: string | null;
  creator_id: string;
  creator_name: string;
  creator_handle: string;
  creator_job_title: string | null;
}): SpaceRequest {
  return {
    id: row.id,
    kind: row.kind,
    message: row.message,
    createdAt: row.created_at.toISOString(),
    person: presentPersonRef({
      id: row.person_id,
      name: row.person_name,
      handle: row.person_handle,
      job_title: row.person_job_title,
    }),
    createdBy: presentPersonRef({
      id: row.creator_id,
      name: row.creator_name,
      handle: row.creator_handle,
      job_title: row.creator_job_title,
    }),
  };
}
