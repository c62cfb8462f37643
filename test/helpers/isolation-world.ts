// The world of the isolation suites: four spaces — A (private), B (secret), E and F (spaces
// with guests) — each holding one of every kind of thing (post, comment, question, answer,
// poll, file, event, knowledge page, join request) whose text carries a canary unique to
// that space, and seven actors whose rights differ. The suites read every id from here, so
// teaching the world a new kind of resource is one change in this file.
// care: inbox

import { expect } from 'vitest';
import { api } from '../../common/api.ts';
import { ingestInbound } from '../../server/modules/care/ingest.ts';
import { newId } from '../../server/platform/ids.ts';
import { careChannel, inboundMail } from './care-inbox.ts';
import type { TestClient } from './client.ts';
import { setUpOrganisation } from './factories.ts';
import type { TestServer } from './server.ts';
import { makeSpace, type Person, person, post, upload } from './stream-fixtures.ts';

export const SPACES = ['A', 'B', 'E', 'F'] as const;
export type SpaceKey = (typeof SPACES)[number];
export const ACTORS = ['admin', 'owner', 'memberA', 'memberB', 'guestE', 'guestF', 'deactivated'] as const;
export type ActorKey = (typeof ACTORS)[number];

/** Who belongs to each space, hence who may read what it holds. */
export const READERS: Record<SpaceKey, ActorKey[]> = {
  A: ['owner', 'memberA'],
  B: ['owner', 'memberB'],
  E: ['owner', 'guestE'],
  F: ['owner', 'guestF'],
};

export interface SpaceResources {
  id: string;
  slug: string;
  /** Every string in this space that only its readers may see. */
  canaries: string[];
  posts: string[];
  comments: string[];
  events: string[];
  pages: string[];
  files: string[];
  pollOptions: string[];
  requests: string[];
  /** Moderation cases about its content (a member's report). */
  cases: string[];
  /** Posts held for approval by a content rule of the space. */
  pending: string[];
  /** Pending guest invitations (external spaces only). */
  guestInvitations: string[];
  /** Analytics cohorts of this space (written directly: nobody may both read it and manage cohorts). */
  cohorts: string[];
  // ideas — a campaign of this space and an idea in it.
  ideaCampaigns: string[];
  ideas: string[];
  tag: string;
}

export interface IsolationWorld {
  actors: Record<ActorKey, Person & { calendarToken: string }>;
  spaces: Record<SpaceKey, SpaceResources>;
  /** Ids that belong to no space (people, skills, invitations, outbox mail). */
  userIds: string[];
  skillKeys: string[];
  invitations: string[];
  outbox: string[];
  /** Administrators' things that belong to no space. */
  contentRules: string[];
  legalHolds: string[];
  /** memberA's personal data archive. */
  exports: string[];
  /** care: inbox — a customer conversation, a canned reply and a saved view (no space). */
  careInbox: string[];
  // care: insight — customer care belongs to no space; its escalations point into space B.
  careConversations: string[];
  careMessages: string[];
  careAlerts: string[];
  // care: channels — administrators' customer-care settings (no space).
  careChannels: string[];
  careWidgetKeys: string[];
  careTeams: string[];
  careSlaTargets: string[];
  /** ambassadors — a published share kit (no space). */
  ambassadorKits: string[];
}

const created = <R extends { status: number; text: string }>(res: R): R => {
  expect(res.status, res.text).toBeLessThan(300);
  return res;
};

/** An external space (open to guests) with one guest in it. */
export function externalSpace(server: TestServer, owner: Person, guest: Person, name: string) {
  return makeSpace(server, { visibility: 'private', owner, members: [guest], name, external: true });
}

const rand = () => Math.random().toString(36).slice(2, 8).replace(/\d/g, 'q');

/** Fills one space with one of each kind of thing, each carrying a canary of the space. */
async function fill(
  server: TestServer,
  key: SpaceKey,
  space: { id: string; slug: string },
  owner: Person,
  member: Person,
  requester: Person | null,
  external = false,
): Promise<SpaceResources> {
  const k = key.toLowerCase();
  const canary = (kind: string) => `qz${k}${kind}${rand()}`;
  const r: SpaceResources = {
    ...space,
    canaries: [],
    posts: [],
    comments: [],
    events: [],
    pages: [],
    files: [],
    pollOptions: [],
    requests: [],
    cases: [],
    pending: [],
    guestInvitations: [],
    cohorts: [],
    ideaCampaigns: [], // ideas
    ideas: [],
    tag: `iso${k}${rand()}`,
  };
  const c = (kind: string) => {
    const value = canary(kind);
    r.canaries.push(value);
    return value;
  };
  const main = await post(owner.client, space.id, `Note ${c('post')} #${r.tag}`);
  r.posts.push(main.id);
  const comment = created(
    await member.client.call(api.createComment, { params: { id: main.id }, body: { body: c('comment') } }),
  );
  r.comments.push(comment.body.id);
  const question = await post(owner.client, space.id, `Détails ${c('questionbody')}`, {
    title: `Question ${c('questiontitle')} ?`,
  });
  r.posts.push(question.id);
  const answer = created(
    await member.client.call(api.createComment, { params: { id: question.id }, body: { body: c('answer') } }),
  );
  r.comments.push(answer.body.id);
  const poll = await post(owner.client, space.id, `Sondage ${c('pollbody')}`, {
    poll: { options: [c('optionone'), c('optiontwo')] },
  });
  r.posts.push(poll.id);
  r.pollOptions.push(...poll.poll.options.map((o: { id: string }) => o.id));
  const file = await upload(owner.client, `${c('file')}.pdf`, Buffer.from('%PDF-1.7\n...'));
  expect(file.status).toBe(201);
  r.files.push(file.body.id);
  r.posts.push(
    (await post(owner.client, space.id, `Pièce ${c('filepost')}`, { attachmentIds: [file.body.id] })).id,
  );
  const event = created(
    await owner.client.call(api.createEvent, {
      params: { space: space.id },
      body: {
        title: `Réunion ${c('event')}`,
        description: c('eventdescription'),
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 90_000_000).toISOString(),
        timeZone: 'Europe/Paris',
      },
    }),
  );
  r.events.push(event.body.id);
  const page = created(
    await owner.client.call(api.createPage, {
      params: { space: space.id },
      body: { title: `Guide ${c('pagetitle')}`, body: `Texte ${c('pagebody')}` },
    }),
  );
  r.pages.push(page.body.id);
  const report = created(
    await member.client.call(api.createReport, {
      body: { targetType: 'post', targetId: main.id, reason: 'other', details: c('report') },
    }),
  );
  r.cases.push(report.body.caseId);
  if (key !== 'B') {
    // A word the space's content rule holds: the post waits for the space's moderators.
    // (No rule in B: an administrator may not rule a secret space they are not in.)
    const held = await post(member.client, space.id, `qzhold${k} ${c('heldpost')}`);
    expect(held.held).toBe('pending');
    r.pending.push(held.id);
  }
  if (external) {
    const invited = created(
      await owner.client.call(api.inviteGuest, {
        params: { space: space.id },
        body: { email: `guest-${k}-${rand()}@example.test`, locale: 'fr' },
      }),
    );
    const row = await server.ctx.db
      .selectFrom('invitations')
      .select('id')
      .where('space_id', '=', space.id)
      .where('accepted_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(invited.status).toBeLessThan(300);
    r.guestInvitations.push(row.id);
  }
  const cohort = newId();
  await server.ctx.db
    .insertInto('analytics_cohorts')
    .values({
      id: cohort,
      name: `Cohorte ${key} ${rand()}`,
      kind: 'spaces',
      created_by: owner.id,
      created_at: server.clock.now(),
      updated_at: server.clock.now(),
    })
    .execute();
  await server.ctx.db
    .insertInto('analytics_cohort_members')
    .values({ cohort_id: cohort, member_id: space.id })
    .execute();
  r.cohorts.push(cohort);
  // ideas
  const campaign = created(
    await owner.client.call(api.createCampaign, {
      body: {
        spaceId: space.id,
        title: `Campagne ${c('campaign')}`,
        opensAt: new Date(server.clock.now().getTime() - 3_600_000).toISOString(),
        closesAt: new Date(server.clock.now().getTime() + 30 * 86_400_000).toISOString(),
        criteria: ['Impact'],
      },
    }),
  );
  r.ideaCampaigns.push(campaign.body.id);
  const idea = created(
    await member.client.call(api.submitIdea, {
      params: { id: campaign.body.id },
      body: { title: `Idée ${c('idea')}`, description: c('ideadescription') },
    }),
  );
  r.ideas.push(idea.body.idea.id);
  if (requester) {
    const asked = created(
      await requester.client.call(api.joinSpace, {
        params: { space: space.id },
        body: { message: c('joinmessage') },
      }),
    );
    const row = await server.ctx.db
      .selectFrom('space_requests')
      .select('id')
      .where('space_id', '=', space.id)
      .executeTakeFirstOrThrow();
    r.requests.push(row.id);
    expect(asked.status).toBeLessThan(300);
  }
  return r;
}

export async function buildIsolationWorld(server: TestServer): Promise<IsolationWorld> {
  const org = await setUpOrganisation(server);
  const admin: Person = { ...org.admin, client: org.client, handle: '' };
  const owner = await person(server, { name: 'Odile Owner' });
  const memberA = await person(server, { name: 'Anne Member' });
  const memberB = await person(server, { name: 'Bruno Member' });
  const guestE = await person(server, { role: 'guest', name: 'Eve Guest' });
  const guestF = await person(server, { role: 'guest', name: 'Fred Guest' });
  const deactivated = await person(server, { name: 'Denis Gone' });
  const requester = await person(server, { name: 'Rémi Requester' });

  const a = await makeSpace(server, { visibility: 'private', owner, members: [memberA, deactivated] });
  const b = await makeSpace(server, {
    visibility: 'secret',
    owner,
    members: [memberB, deactivated],
    name: `Secret qzbspacename${rand()}`,
  });
  const e = await externalSpace(server, owner, guestE, 'Partenaires E');
  const f = await externalSpace(server, owner, guestF, 'Partenaires F');
  for (const s of [e, f])
    await server.ctx.db
      .insertInto('space_members')
      .values({ space_id: s.id, user_id: deactivated.id, role: 'member', joined_at: server.clock.now() })
      .execute();

  // Owners of external spaces bring their guests in themselves.
  created(
    await admin.client.call(api.updateExternalSettings, {
      body: { externalSpaceCreators: 'admins', guestInviters: 'managers' },
    }),
  );
  // Each space holds what contains its word: see `fill`.
  const holdRules: string[] = [];
  for (const [key, s] of [
    ['a', a],
    ['e', e],
    ['f', f],
  ] as const) {
    const rule = created(
      await admin.client.call(api.createContentRule, {
        body: { term: `qzhold${key}`, action: 'hold', spaceId: s.id },
      }),
    );
    holdRules.push(rule.body.id);
  }
  // A secret space the administrator is not in cannot be ruled: it does not exist for them.
  const secretRule = await admin.client.call(api.createContentRule, {
    body: { term: 'qzholdb', action: 'hold', spaceId: b.id },
  });
  expect(secretRule.status).toBe(400);
  const spaces = {
    A: await fill(server, 'A', a, owner, memberA, requester),
    B: await fill(server, 'B', b, owner, memberB, null),
    E: await fill(server, 'E', e, owner, guestE, requester, true),
    F: await fill(server, 'F', f, owner, guestF, requester, true),
  };
  spaces.B.canaries.push(b.name.split(' ')[1]!);

  const skills = created(await owner.client.call(api.setMySkills, { body: { skills: ['Typographie'] } }));
  const invitation = created(
    await admin.client.call(api.createInvitation, { body: { email: 'future@example.test', locale: 'fr' } }),
  );
  const hold = created(
    await admin.client.call(api.placeLegalHold, {
      body: { name: 'Litige fournisseur', userId: requester.id },
    }),
  );
  const archive = created(await memberA.client.call(api.requestPersonalDataExport));
  // care: inbox
  const careMail = await inboundMail(server, await careChannel(server, 'email'), {
    address: 'client@clients.example',
  });
  const careCanned = created(
    await admin.client.call(api.createCareCannedReply, { body: { title: 'T', body: 'B' } }),
  );
  const careView = created(await admin.client.call(api.createCareView, { body: { name: 'V', filters: {} } }));
  // care: channels
  const widget = created(
    await admin.client.call(api.createCareChannel, {
      body: { kind: 'widget', name: 'Site', settings: { allowedOrigins: ['https://www.example.test'] } },
    }),
  );
  const careTeam = created(await admin.client.call(api.createCareTeam, { body: { name: 'Niveau 1' } }));
  const careSla = created(
    await admin.client.call(api.setCareSlaTarget, {
      body: { channelId: null, priority: 'normal', firstResponseMinutes: 60, resolutionMinutes: 480 },
    }),
  );

  // ambassadors
  const kit = created(
    await admin.client.call(api.createKit, {
      body: {
        title: 'Kit',
        texts: { generic: 'Hello' },
        targetUrl: 'https://www.example.test/',
        startsAt: new Date(Date.now() - 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
    }),
  );
  created(await admin.client.call(api.publishKit, { params: { id: kit.body.id } }));
  // Its image, served to employees of its audience only (a 1×1 PNG).
  const kitImage = await upload(
    admin.client,
    'kit.png',
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
      'base64',
    ),
    'image/png',
    { method: 'PUT', path: `/api/v1/ambassadors/kits/${kit.body.id}/image` },
  );
  expect(kitImage.status, JSON.stringify(kitImage.body)).toBe(200);

  const people = { admin, owner, memberA, memberB, guestE, guestF, deactivated };
  const actors = {} as IsolationWorld['actors'];
  for (const key of ACTORS) {
    const feed = created(await people[key].client.call(api.createCalendarFeed));
    actors[key] = { ...people[key], calendarToken: feed.body.url.split('/').pop()! };
  }
  created(await admin.client.call(api.deactivateUser, { params: { id: deactivated.id } }));

  const outbox = await server.ctx.db
    .selectFrom('mail_outbox')
    .select('id')
    .orderBy('id', 'desc')
    .limit(5)
    .execute();
  const care = await careThings(server, spaces.B);
  return {
    ...care,
    actors,
    spaces,
    userIds: [...Object.values(people).map((p) => p.id), requester.id],
    skillKeys: skills.body.items.map((s: { key: string }) => s.key),
    invitations: [invitation.body.id],
    outbox: outbox.map((m) => m.id),
    contentRules: holdRules,
    legalHolds: [hold.body.id],
    exports: [archive.body.id],
    careInbox: [careMail.conversationId, careCanned.body.id, careView.body.id], // care: inbox
    // care: channels
    careChannels: [widget.body.id],
    careWidgetKeys: [widget.body.publicKey],
    careTeams: [careTeam.body.id],
    careSlaTargets: [careSla.body.id],
    ambassadorKits: [kit.body.id], // ambassadors
  };
}

// care: insight
/**
 * A customer conversation with a message, a negative-spike alert, and an escalation whose
 * question is B's first post and whose draft answer carries B's canary: administrators work
 * the inbox, yet see neither unless they read B.
 */
async function careThings(server: TestServer, b: SpaceResources) {
  const db = server.ctx.db;
  const now = server.clock.now();
  const channelId = newId();
  await db
    .insertInto('care_channels')
    .values({
      id: channelId,
      kind: 'email',
      name: 'Support',
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const inbound = await ingestInbound(server.ctx, {
    channelId,
    externalId: '<isolation@example.org>',
    customer: { kind: 'email', value: 'customer@example.org' },
    body: 'Where is my parcel?',
  });
  const alertId = newId();
  await db
    .insertInto('care_alerts')
    .values({
      id: alertId,
      kind: 'negative_spike',
      channel_id: channelId,
      tag: null,
      message_count: 5,
      window_start: now,
      window_end: now,
      created_at: now,
    })
    .execute();
  await db
    .insertInto('care_escalations')
    .values({
      id: newId(),
      conversation_id: inbound.conversationId,
      post_id: b.posts[0]!,
      space_id: b.id,
      status: 'answered',
      answer_comment_id: b.comments[0]!,
      draft_body: `Réponse ${b.canaries[0]}`,
      created_at: now,
      answered_at: now,
    })
    .execute();
  return {
    careConversations: [inbound.conversationId],
    careMessages: [inbound.messageId],
    careAlerts: [alertId],
  };
}

/** The spaces an actor may read. */
export const readableBy = (actor: ActorKey): SpaceKey[] => SPACES.filter((s) => READERS[s].includes(actor));

/** Canaries of the spaces an actor may not read. */
export const forbiddenCanaries = (world: IsolationWorld, actor: ActorKey): string[] =>
  SPACES.filter((s) => !READERS[s].includes(actor)).flatMap((s) => world.spaces[s].canaries);

/** Runs tasks with at most `size` at a time. */
export async function inPool<T>(tasks: (() => Promise<T>)[], size = 6): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

export type { TestClient };
