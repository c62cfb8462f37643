// Profiles, photos, skills and endorsements, the org chart and "who knows about X".
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { notFound, ValidationError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/request.ts';
import { route } from '../../platform/http/route.ts';
import { authorize } from '../../platform/policy.ts';
import { enforce } from '../../platform/rate-limit.ts';
import { sendImage } from '../../platform/storage/images.ts';
import { SEARCH_PER_ACCOUNT } from '../search/routes.ts';
import { writeLimits } from '../stream/rate-limits.ts';
import { setEndorsement } from './commands/endorse.ts';
import { PHOTO_MAX_BYTES, removePhoto, setPhoto } from './commands/photo.ts';
import { updateOrganisation } from './commands/update-organisation.ts';
import { setSkills, updateProfile } from './commands/update-profile.ts';
import { scoreExpertise } from './expertise.ts';
import { peoplePolicy } from './policies.ts';
import {
  photoUrl,
  presentAdminUser,
  presentOrgMember,
  presentPerson,
  presentPersonCard,
  presentPersonDetail,
  presentSkill,
} from './presenters.ts';
import { profileAccess } from './profile-access.ts';
import { directReportIds, listSkills, managerChain, orgRootIds, reportCounts } from './profile-queries.ts';
import { findUser, findUsers } from './queries.ts';

const WHO_KNOWS_RESULTS = 20;

async function personDetail(db: Db, actor: Actor, id: string) {
  const access = await profileAccess(db, actor, id);
  if (!access) throw notFound('Person');
  const user = await findUser(db, id);
  if (!user) throw notFound('Person');
  if (access === 'card') return presentPersonCard(user);
  const [skills, counts] = await Promise.all([listSkills(db, id, actor), reportCounts(db, [id])]);
  return presentPersonDetail(user, skills, counts.get(id) ?? 0, peoplePolicy.canEndorse(actor, user));
}

async function skillOf(db: Db, actor: Actor, userId: string, key: string) {
  const skill = (await listSkills(db, userId, actor)).find((s) => s.key === key);
  if (!skill) throw notFound('Skill');
  return presentSkill(skill);
}

/** Colleagues by id, in the order given, each with their number of direct reports (guests have no place in the chart). */
async function orgMembers(db: Db, ids: string[]) {
  const [rows, counts] = await Promise.all([findUsers(db, ids), reportCounts(db, ids)]);
  const byId = new Map(rows.filter((r) => r.role !== 'guest').map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [presentOrgMember(row, counts)] : [];
  });
}

const byName = (a: { person: { name: string } }, b: { person: { name: string } }) =>
  a.person.name.localeCompare(b.person.name);

export function registerProfileRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, ctx, api.getPerson, ({ actor, params }) => personDetail(ctx.db, actor, params.id));

  route(app, ctx, api.updateMyProfile, async ({ actor, body }) => {
    await updateProfile(ctx, actor, body);
    return personDetail(ctx.db, actor, actor.id);
  });

  route(app, ctx, api.setMySkills, async ({ actor, body }) => {
    await setSkills(ctx, actor, body.skills);
    return { items: (await listSkills(ctx.db, actor.id, actor)).map(presentSkill) };
  });

  route(app, ctx, api.uploadMyPhoto, async ({ actor, req }) => {
    await enforce(ctx.limiter, [[writeLimits.uploadPerAccount, actor.id]]);
    // The parser's own limit at the photo's size: it then reads the rest of an oversized
    // request to its end, so the connection is not left half-read.
    const file = req.isMultipart() ? await req.file({ limits: { fileSize: PHOTO_MAX_BYTES } }) : undefined;
    if (!file) {
      throw new ValidationError([
        {
          field: 'file',
          reason: 'required',
          message: 'Send the photo as multipart/form-data, field "file".',
        },
      ]);
    }
    const at = await setPhoto(ctx, { actor, stream: file.file, truncated: () => file.file.truncated });
    return { photoUrl: photoUrl({ id: actor.id, photo_updated_at: at }) };
  });

  route(app, ctx, api.deleteMyPhoto, async ({ actor }) => {
    await removePhoto(ctx, actor);
    return { photoUrl: null };
  });

  route(app, ctx, api.personPhoto, async ({ actor, params, reply }) => {
    if (!(await profileAccess(ctx.db, actor, params.id))) throw notFound('Photo');
    const row = await ctx.db
      .selectFrom('users')
      .select(['photo_key', 'photo_type'])
      .where('id', '=', params.id)
      .executeTakeFirst();
    if (!row?.photo_key || !row.photo_type) throw notFound('Photo');
    // The address changes with the photo (photoUrl), so a day in the browser is safe.
    await sendImage(ctx, reply, { key: row.photo_key, type: row.photo_type, maxAge: 86_400 });
  });

  for (const [endpoint, on] of [
    [api.endorseSkill, true],
    [api.unendorseSkill, false],
  ] as const) {
    route(app, ctx, endpoint, async ({ actor, params }) => {
      await enforce(ctx.limiter, [[writeLimits.reactionPerAccount, actor.id]]);
      await setEndorsement(ctx, { actor, userId: params.id, key: params.key, on });
      return skillOf(ctx.db, actor, params.id, params.key);
    });
  }

  route(app, ctx, api.getOrgRoots, async ({ actor }) => {
    authorize(peoplePolicy.canBrowseDirectory(actor));
    const roots = await orgRootIds(ctx.db);
    return {
      items: (
        await orgMembers(
          ctx.db,
          roots.map((r) => r.id),
        )
      ).sort(byName),
    };
  });

  route(app, ctx, api.getOrgChart, async ({ actor, params }) => {
    authorize(peoplePolicy.canBrowseDirectory(actor));
    const [managerIds, reportRows] = await Promise.all([
      managerChain(ctx.db, params.id),
      directReportIds(ctx.db, params.id),
    ]);
    const [person, ...above] = await orgMembers(ctx.db, [params.id, ...managerIds]);
    if (!person || person.person.id !== params.id) throw notFound('Person');
    // The line stops where a guest stands in it (they left the chart), as their reports do.
    const unbroken = above.findIndex((m, i) => m.person.id !== managerIds[i]);
    return {
      person,
      managers: (unbroken < 0 ? above : above.slice(0, unbroken)).reverse(),
      reports: (
        await orgMembers(
          ctx.db,
          reportRows.map((r) => r.id),
        )
      ).sort(byName),
    };
  });

  route(app, ctx, api.whoKnows, async ({ actor, query }) => {
    authorize(peoplePolicy.canBrowseDirectory(actor));
    // As costly as a search, and limited like one.
    await enforce(ctx.limiter, [[SEARCH_PER_ACCOUNT, actor.id]]);
    const scores = (
      await scoreExpertise(
        ctx.db,
        actor,
        { text: query.q, match: 'all' },
        { departmentId: query.departmentId, siteId: query.siteId },
      )
    ).slice(0, WHO_KNOWS_RESULTS);
    const people = new Map(
      (
        await findUsers(
          ctx.db,
          scores.map((s) => s.userId),
        )
      ).map((u) => [u.id, u]),
    );
    return {
      items: scores.flatMap(({ userId, score: _score, ...expertise }) => {
        const person = people.get(userId);
        return person ? [{ ...expertise, person: presentPerson(person) }] : [];
      }),
    };
  });

  route(app, ctx, api.updateOrganisation, async ({ actor, params, body, meta }) => {
    authorize(peoplePolicy.canManageAccounts(actor));
    return presentAdminUser(await updateOrganisation(ctx, { actor, userId: params.id, changes: body, meta }));
  });
}
