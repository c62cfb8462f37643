// Fixtures for the stream suites: spaces and memberships are inserted directly (they are
// the spaces module's business, tested there); posts go through the real API.
import { expect } from 'vitest';
import { api } from '../../common/api.ts';
import type { PostCreateBody } from '../../common/schemas/stream.ts';
import type { Role, SpaceRole, SpaceVisibility } from '../../server/db/schema.ts';
import { newId } from '../../server/platform/ids.ts';
import { caughtUp } from '../../server/platform/transaction.ts';
import type { TestClient } from './client.ts';
import { type BuiltUser, buildUser, signIn } from './factories.ts';
import type { TestServer } from './server.ts';

export interface Person extends BuiltUser {
  client: TestClient;
  handle: string;
}

export async function person(
  server: TestServer,
  options: { role?: Role; name?: string; email?: string } = {},
): Promise<Person> {
  const user = await buildUser(server, options);
  const client = await signIn(server, user);
  const row = await server.ctx.db
    .selectFrom('users')
    .select('handle')
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  return { ...user, client, handle: row.handle };
}

let spaceCounter = 0;

export async function makeSpace(
  server: TestServer,
  options: {
    visibility: SpaceVisibility;
    owner?: { id: string };
    members?: ({ id: string } | [{ id: string }, SpaceRole])[];
    archived?: boolean;
    name?: string;
    /** Open to guests (an external space). */
    external?: boolean;
  },
): Promise<{ id: string; slug: string; name: string }> {
  const id = newId();
  const slug = `space-${Date.now().toString(36)}-${(spaceCounter++).toString(36)}`;
  const name = options.name ?? `Space ${spaceCounter}`;
  const now = server.clock.now();
  await server.ctx.db
    .insertInto('spaces')
    .values({
      id,
      slug,
      name,
      type: 'project',
      visibility: options.visibility,
      created_by: options.owner?.id ?? null,
      created_at: now,
      updated_at: now,
      archived_at: options.archived ? now : null,
      external: options.external ?? false,
    })
    .execute();
  if (options.owner) await addMember(server, id, options.owner, 'owner');
  for (const m of options.members ?? []) {
    if (Array.isArray(m)) await addMember(server, id, m[0], m[1]);
    else await addMember(server, id, m, 'member');
  }
  return { id, slug, name };
}

export async function addMember(
  server: TestServer,
  spaceId: string,
  user: { id: string },
  role: SpaceRole = 'member',
): Promise<void> {
  await server.ctx.db
    .insertInto('space_members')
    .values({ space_id: spaceId, user_id: user.id, role, joined_at: server.clock.now() })
    .execute();
  await server.ctx.db
    .updateTable('spaces')
    .set((eb) => ({ member_count: eb('member_count', '+', 1) }))
    .where('id', '=', spaceId)
    .execute();
  // Rows written directly: let this server's caches hear of them before the test reads.
  await caughtUp(server.ctx);
}

export async function removeMember(server: TestServer, spaceId: string, user: { id: string }): Promise<void> {
  await server.ctx.db
    .deleteFrom('space_members')
    .where('space_id', '=', spaceId)
    .where('user_id', '=', user.id)
    .execute();
  await caughtUp(server.ctx);
}

/** Posts through the API and expects it to be accepted; returns the Post. */
export async function post(
  client: TestClient,
  spaceId: string | null,
  body: string,
  extra: Partial<PostCreateBody> = {},
) {
  const res = await client.call(api.createPost, { body: { spaceId, body, ...extra } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Every page of a feed endpoint, following nextCursor. */
export async function allPages(
  client: TestClient,
  endpoint: (typeof api)[keyof typeof api],
  params: Record<string, string> = {},
  limit = 50,
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const res = await client.call(endpoint, { params, query: { limit, cursor } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    ids.push(...res.body.items.map((p: { id: string }) => p.id));
    cursor = res.body.nextCursor ?? undefined;
    if (!cursor) return ids;
  }
  throw new Error('too many pages');
}

export async function notificationsOf(server: TestServer, userId: string) {
  return server.ctx.db
    .selectFrom('notifications')
    .select(['kind', 'post_id', 'comment_id', 'actor_id'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
}

const cookieHeader = (client: TestClient) => [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

/**
 * Uploads a file as the web client does (multipart, field "file"): by default to attach to a
 * post; `to` sends it elsewhere (a profile photo).
 */
export async function upload(
  client: TestClient,
  name: string,
  bytes: Buffer,
  type = 'application/octet-stream',
  to: { method: 'POST' | 'PUT'; path: string } = { method: 'POST', path: '/api/v1/attachments' },
) {
  if (!client.cookie('trame_csrf')) await client.request('GET', '/api/v1/session');
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${client.baseUrl}${to.path}`, {
    method: to.method,
    body: form,
    headers: {
      cookie: cookieHeader(client),
      'x-csrf-token': client.cookie('trame_csrf') ?? '',
      'x-forwarded-for': client.ip,
    },
  });
  return { status: res.status, body: await res.json() };
}

/** Sets one's profile photo, as the settings page does. */
export const putPhoto = (client: TestClient, name: string, bytes: Buffer, type = 'image/png') =>
  upload(client, name, bytes, type, { method: 'PUT', path: '/api/v1/me/photo' });

/** A raw GET (a file, a photo) with the client's session. */
export const download = (client: TestClient, url: string) =>
  fetch(client.baseUrl + url, { headers: { cookie: cookieHeader(client), 'x-forwarded-for': client.ip } });
