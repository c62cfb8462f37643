// The analytics API (docs/api.md, "Analytics"): who reads what — administrators and analysts
// see the organisation, a space owner only their own spaces, everyone else nothing — filters
// checked against that, secret spaces never named to an administrator who is not in them,
// and the administrators' writes (settings, the analyst grant, cohorts, ROI assumptions),
// each audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { DASHBOARDS } from '../../common/schemas/analytics.ts';
import { loadReader } from '../../server/modules/analytics/policies.ts';
import { analyticsLimits } from '../../server/modules/analytics/rate-limits.ts';
import { resolveFilters, resolvePeriod } from '../../server/modules/analytics/resolve-filters.ts';
import { newId } from '../../server/platform/ids.ts';
import type { TestClient } from '../helpers/client.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, type Person, person, post } from '../helpers/stream-fixtures.ts';

const NOWHERE = '0190a000-0000-7000-8000-00000000dead';

describe('analytics API', () => {
  const t = useServer({ worker: false });
  let admin: TestClient;
  let adminId: string;
  let analyst: Person;
  let owner: Person;
  let member: Person;
  let guest: Person;
  let outsider: Person;
  let ownSpace: { id: string; name: string };
  let otherOwnSpace: { id: string; name: string };
  let openSpace: { id: string; name: string };
  let secret: { id: string; name: string };
  let department: string;
  let site: string;

  const auditOf = (action: string) =>
    t.server.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', action)
      .orderBy('seq', 'desc')
      .execute();

  beforeAll(async () => {
    const org = await setUpOrganisation(t.server);
    admin = org.client;
    adminId = org.admin.id;
    analyst = await person(t.server, { name: 'Ana Lyste' });
    owner = await person(t.server, { name: 'Olga Owner' });
    member = await person(t.server, { name: 'Marc Member' });
    guest = await person(t.server, { role: 'guest', name: 'Gil Guest' });
    outsider = await person(t.server, { name: 'Oscar Outsider' });
    ownSpace = await makeSpace(t.server, {
      visibility: 'open',
      owner,
      members: [member],
      name: 'Atelier Olga',
    });
    otherOwnSpace = await makeSpace(t.server, { visibility: 'private', owner, name: 'Bureau Olga' });
    openSpace = await makeSpace(t.server, { visibility: 'open', owner: outsider, name: 'Cantine' });
    // A secret space the administrator is not in; the analyst is.
    secret = await makeSpace(t.server, {
      visibility: 'secret',
      owner: outsider,
      members: [analyst],
      name: 'Projet Xylophone',
    });
    // A guest owning a space still reads no analytics.
    await makeSpace(t.server, { visibility: 'private', owner: guest, external: true, name: 'Partenaires' });
    department = newId();
    site = newId();
    const now = t.server.clock.now();
    await t.server.ctx.db
      .insertInto('departments')
      .values({ id: department, name: 'Research', created_at: now })
      .execute();
    await t.server.ctx.db
      .insertInto('sites')
      .values({ id: site, name: 'Lyon', city: 'Lyon', country: 'FR', created_at: now })
      .execute();
    const granted = await admin.call(api.setAnalyst, { params: { id: analyst.id }, body: { analyst: true } });
    expect(granted.status, granted.text).toBe(204);
  });

  describe('audiences', () => {
    it('shows administrators and analysts the organisation, and a space owner only their spaces', async () => {
      const byAdmin = await admin.call(api.getAnalyticsScope);
      expect(byAdmin.status, byAdmin.text).toBe(200);
      expect(byAdmin.body).toMatchObject({
        audience: 'admin',
        canManage: true,
        individual: false,
        minGroup: 5,
      });
      expect(byAdmin.body.departments).toEqual([{ id: department, name: 'Research' }]);
      expect(byAdmin.body.sites).toEqual([{ id: site, name: 'Lyon' }]);

      const byAnalyst = await analyst.client.call(api.getAnalyticsScope);
      expect(byAnalyst.status).toBe(200);
      expect(byAnalyst.body).toMatchObject({ audience: 'analyst', canManage: false, individual: false });
      expect(byAnalyst.body.spaces.map((s: { name: string }) => s.name)).toContain('Projet Xylophone');

      const byOwner = await owner.client.call(api.getAnalyticsScope);
      expect(byOwner.status).toBe(200);
      expect(byOwner.body).toMatchObject({ audience: 'space_owner', canManage: false, cohorts: [] });
      expect(byOwner.body.spaces.map((s: { id: string }) => s.id).sort()).toEqual(
        [ownSpace.id, otherOwnSpace.id].sort(),
      );
    });

    it('refuses members and guests on every analytics route, and stops a withdrawn analyst at once', async () => {
      const calls = (c: TestClient) => [
        c.call(api.getAnalyticsScope),
        ...DASHBOARDS.map((name) => c.call(api.getDashboard, { params: { name } })),
        c.call(api.getRoiEstimate),
        c.call(api.setRoiAssumptions, { body: { values: { hour_cost: 60 } } }),
        c.call(api.getPeopleActivity),
        c.call(api.listCohorts),
        c.call(api.createCohort, { body: { name: 'Pilote', kind: 'spaces', memberIds: [openSpace.id] } }),
        c.call(api.updateCohort, {
          params: { id: NOWHERE },
          body: { name: 'Pilote', memberIds: [openSpace.id] },
        }),
        c.call(api.deleteCohort, { params: { id: NOWHERE } }),
        c.call(api.getAnalyticsSettings),
        c.call(api.setAnalyticsSettings, { body: { minGroup: 3, individual: true } }),
        c.call(api.setAnalyst, { params: { id: member.id }, body: { analyst: true } }),
        c.call(api.refreshAnalytics),
      ];
      for (const who of [member, guest]) {
        const statuses = (await Promise.all(calls(who.client))).map((r) => r.status);
        expect(new Set(statuses)).toEqual(new Set([403]));
      }
      // A space owner reads dashboards of their spaces only: everything else is refused.
      const byOwner = (await Promise.all(calls(owner.client))).map((r) => r.status);
      expect(byOwner.slice(0, 1 + DASHBOARDS.length)).toEqual(Array(1 + DASHBOARDS.length).fill(200));
      expect(byOwner.slice(1 + DASHBOARDS.length)).toEqual(
        Array(byOwner.length - 1 - DASHBOARDS.length).fill(403),
      );

      const someone = await person(t.server, { name: 'Temporaire' });
      expect(
        (await admin.call(api.setAnalyst, { params: { id: someone.id }, body: { analyst: true } })).status,
      ).toBe(204);
      expect((await someone.client.call(api.listCohorts)).status).toBe(200);
      expect(
        (await admin.call(api.setAnalyst, { params: { id: someone.id }, body: { analyst: false } })).status,
      ).toBe(204);
      expect((await someone.client.call(api.getAnalyticsScope)).status).toBe(403);
      expect((await someone.client.call(api.listCohorts)).status).toBe(403);
    });
  });

  describe('filters', () => {
    it('default to the last 30 days ending today, compared with the 30 days before', () => {
      const now = new Date('2026-03-10T23:59:00Z');
      expect(resolvePeriod({}, now)).toEqual({
        period: { from: '2026-02-09', to: '2026-03-10' },
        previous: { from: '2026-01-10', to: '2026-02-08' },
      });
      expect(resolvePeriod({ from: '2026-03-01', to: '2026-03-07' }, now)).toEqual({
        period: { from: '2026-03-01', to: '2026-03-07' },
        previous: { from: '2026-02-22', to: '2026-02-28' },
      });
    });

    it('keep a space owner within their spaces, whatever they ask for', async () => {
      const reader = await loadReader(t.server.ctx.db, {
        id: owner.id,
        name: owner.name,
        email: owner.email,
        role: 'member',
        locale: 'en',
        sessionId: '',
      });
      const now = t.server.clock.now();
      const all = await resolveFilters(t.server.ctx.db, reader, {}, now, 5);
      expect(all.spaceIds).toEqual([ownSpace.id, otherOwnSpace.id].sort());
      const projects = await resolveFilters(t.server.ctx.db, reader, { spaceType: 'project' }, now, 5);
      expect(projects.spaceIds).toEqual([ownSpace.id, otherOwnSpace.id].sort());
      const one = await resolveFilters(t.server.ctx.db, reader, { spaceId: ownSpace.id }, now, 5);
      expect(one.spaceIds).toEqual([ownSpace.id]);
      await expect(
        resolveFilters(t.server.ctx.db, reader, { spaceId: openSpace.id }, now, 5),
      ).rejects.toMatchObject({
        status: 403,
      });
    });
  });

  describe('settings and the analyst grant', () => {
    it('change the threshold and individual activity, audited, and refuse what is out of range', async () => {
      const bad = await admin.call(api.setAnalyticsSettings, { body: { minGroup: 0, individual: false } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.issues[0].field).toBe('minGroup');
      const res = await admin.call(api.setAnalyticsSettings, { body: { minGroup: 3, individual: false } });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ minGroup: 3, individual: false });
      expect(res.body.analysts.map((a: { id: string }) => a.id)).toContain(analyst.id);
      const [entry] = await auditOf('analytics.settings_changed');
      expect(entry).toMatchObject({
        actor_id: adminId,
        before: { minGroup: 5, individual: false },
        after: { minGroup: 3, individual: false },
      });
      expect((await analyst.client.call(api.getAnalyticsScope)).body.minGroup).toBe(3);
      await admin.call(api.setAnalyticsSettings, { body: { minGroup: 5, individual: false } });
    });

    it('grants the analyst grant to colleagues only, audited', async () => {
      const refused = await admin.call(api.setAnalyst, { params: { id: guest.id }, body: { analyst: true } });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('analyst_not_eligible');
      expect(
        (await admin.call(api.setAnalyst, { params: { id: NOWHERE }, body: { analyst: true } })).status,
      ).toBe(404);
      const [entry] = await auditOf('user.analyst_changed');
      expect(entry).toMatchObject({ target_id: expect.any(String), after: { analyst: expect.any(Boolean) } });
      const granted = (await auditOf('user.analyst_changed')).find((e) => e.target_id === analyst.id);
      expect(granted).toMatchObject({
        actor_id: adminId,
        before: { analyst: false },
        after: { analyst: true },
      });
    });
  });

  describe('individual activity', () => {
    it('is refused with a clear code while the organisation does not allow it, then shown and audited', async () => {
      const off = await admin.call(api.getPeopleActivity);
      expect(off.status).toBe(403);
      expect(off.body.error.code).toBe('analytics_individual_off');
      expect(
        (await admin.call(api.setAnalyticsSettings, { body: { minGroup: 5, individual: true } })).status,
      ).toBe(200);
      // Analysts never see individuals.
      expect((await analyst.client.call(api.getPeopleActivity)).status).toBe(403);
      expect((await admin.call(api.getAnalyticsScope)).body.individual).toBe(true);
      const on = await admin.call(api.getPeopleActivity, { query: { departmentId: NOWHERE } });
      expect(on.status).toBe(404);
      const res = await admin.call(api.getPeopleActivity);
      expect(res.status, res.text).toBe(200);
      expect(res.body.items.map((p: { name: string }) => p.name)).toContain('Marc Member');
      expect(res.body.items.map((p: { name: string }) => p.name)).not.toContain('Gil Guest');
      expect(res.body.nextOffset).toBeNull();
      // Paged: the pages, in turn, are the whole list.
      const paged: unknown[] = [];
      for (let offset: number | null = 0; offset !== null; ) {
        const page = await admin.call(api.getPeopleActivity, { query: { offset, limit: 2 } });
        expect(page.status, page.text).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        paged.push(...page.body.items);
        offset = page.body.nextOffset;
      }
      expect(paged).toEqual(res.body.items);
      const [entry] = await auditOf('analytics.people_viewed');
      expect(entry).toMatchObject({ actor_id: adminId, details: { period: res.body.period } });
      await admin.call(api.setAnalyticsSettings, { body: { minGroup: 5, individual: false } });
    });
  });

  describe('cohorts', () => {
    it('are created with members named, unique by name whatever the case, and audited', async () => {
      const res = await analyst.client.call(api.createCohort, {
        body: { name: 'Pilote Lyon', kind: 'people', memberIds: [member.id, owner.id, member.id] },
      });
      expect(res.status, res.text).toBe(201);
      expect(res.body.members.map((m: { name: string }) => m.name)).toEqual(['Marc Member', 'Olga Owner']);
      expect(res.body.hiddenMembers).toBe(0);
      const twin = await admin.call(api.createCohort, {
        body: { name: 'pilote LYON', kind: 'spaces', memberIds: [openSpace.id] },
      });
      expect(twin.status).toBe(409);
      expect(twin.body.error.code).toBe('cohort_name_taken');
      const [entry] = await auditOf('analytics.cohort_created');
      expect(entry).toMatchObject({
        actor_id: analyst.id,
        target_id: res.body.id,
        after: { name: 'Pilote Lyon', kind: 'people' },
      });
      const renamed = await admin.call(api.updateCohort, {
        params: { id: res.body.id },
        body: { name: 'Pilote Lyon 2', memberIds: [member.id] },
      });
      expect(renamed.status, renamed.text).toBe(200);
      expect(renamed.body.members).toEqual([{ id: member.id, name: 'Marc Member' }]);
      const [updated] = await auditOf('analytics.cohort_updated');
      expect(updated).toMatchObject({
        before: { name: 'Pilote Lyon' },
        after: { name: 'Pilote Lyon 2', memberIds: [member.id] },
        details: { removed: ['Olga Owner'] },
      });
      expect((await admin.call(api.deleteCohort, { params: { id: res.body.id } })).status).toBe(204);
      expect((await auditOf('analytics.cohort_deleted'))[0]).toMatchObject({ target_id: res.body.id });
      expect((await admin.call(api.deleteCohort, { params: { id: res.body.id } })).status).toBe(404);
    });

    it('hold only accounts that exist and were not erased, and spaces their author may read', async () => {
      const erased = await person(t.server, { name: 'Effacé' });
      await t.server.ctx.db
        .updateTable('users')
        .set({ erased_at: t.server.clock.now() })
        .where('id', '=', erased.id)
        .execute();
      const people = await admin.call(api.createCohort, {
        body: { name: 'Fantômes', kind: 'people', memberIds: [member.id, erased.id, NOWHERE] },
      });
      expect(people.status).toBe(400);
      expect(people.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual([
        'memberIds.1',
        'memberIds.2',
      ]);
      const spaces = await admin.call(api.createCohort, {
        body: { name: 'Secrets', kind: 'spaces', memberIds: [openSpace.id, secret.id] },
      });
      expect(spaces.status).toBe(400);
      expect(spaces.text).not.toContain('Xylophone');
      expect(spaces.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual([
        'memberIds.1',
      ]);
    });
  });

  describe('secret spaces', () => {
    it('are never named to an administrator who is not in them: scope, cohorts, filters', async () => {
      const scope = await admin.call(api.getAnalyticsScope);
      expect(scope.text).not.toContain('Xylophone');
      expect(scope.body.spaces.map((s: { id: string }) => s.id)).toContain(openSpace.id);
      expect(scope.body.spaces.map((s: { id: string }) => s.id)).not.toContain(otherOwnSpace.id);

      const cohort = await analyst.client.call(api.createCohort, {
        body: { name: 'Projets pilotes', kind: 'spaces', memberIds: [openSpace.id, secret.id] },
      });
      expect(cohort.status, cohort.text).toBe(201);
      expect(cohort.body.members.map((m: { name: string }) => m.name)).toEqual([
        'Cantine',
        'Projet Xylophone',
      ]);
      const list = await admin.call(api.listCohorts);
      expect(list.text).not.toContain('Xylophone');
      expect(list.text).not.toContain(secret.id);
      const seen = list.body.items.find((c: { id: string }) => c.id === cohort.body.id);
      expect(seen).toMatchObject({ members: [{ id: openSpace.id, name: 'Cantine' }], hiddenMembers: 1 });
      // The administrator edits the cohort: the secret space stays in it, still unnamed.
      const edited = await admin.call(api.updateCohort, {
        params: { id: cohort.body.id },
        body: { name: 'Projets pilotes', memberIds: [openSpace.id, ownSpace.id] },
      });
      expect(edited.status, edited.text).toBe(200);
      expect(edited.body.hiddenMembers).toBe(1);
      expect(edited.text).not.toContain('Xylophone');
      const members = await t.server.ctx.db
        .selectFrom('analytics_cohort_members')
        .select('member_id')
        .where('cohort_id', '=', cohort.body.id)
        .execute();
      expect(members.map((m) => m.member_id).sort()).toEqual([openSpace.id, ownSpace.id, secret.id].sort());
      // Nor in the audit log an administrator reads.
      const audit = await admin.call(api.listAudit, { query: {} });
      expect(audit.text).not.toContain('Xylophone');
    });
  });

  describe('dashboards', () => {
    beforeAll(async () => {
      // Activity in a space everyone may read, in the owner's spaces and in the secret space.
      await post(member.client, ownSpace.id, 'Bonjour l’atelier');
      await post(member.client, ownSpace.id, 'Encore moi');
      await post(owner.client, otherOwnSpace.id, 'Note du bureau');
      await post(outsider.client, openSpace.id, 'Menu du jour');
      await post(outsider.client, secret.id, 'Répétition du xylophone');
      await post(analyst.client, secret.id, 'Partition prête');
      const refreshed = await admin.call(api.refreshAnalytics);
      expect(refreshed.status, refreshed.text).toBe(200);
      expect(refreshed.body.days).toBeGreaterThan(0);
      // Small spaces here: two people are a group.
      await admin.call(api.setAnalyticsSettings, { body: { minGroup: 2, individual: false } });
    });
    afterAll(async () => {
      await admin.call(api.setAnalyticsSettings, { body: { minGroup: 5, individual: false } });
    });

    const bars = (dashboard: { charts: { key: string; bars?: { id: string | null; label: string }[] }[] }) =>
      dashboard.charts.find((c) => c.key === 'top_spaces')?.bars ?? [];

    it('answers each dashboard for the default period, compared with the one before', async () => {
      for (const name of DASHBOARDS) {
        const res = await analyst.client.call(api.getDashboard, { params: { name } });
        expect(res.status, res.text).toBe(200);
        expect(res.body).toMatchObject({ dashboard: name, minGroup: 2, suppressed: false });
        expect(res.body.refreshedAt).not.toBeNull();
        const days = (r: { from: string; to: string }) =>
          (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 + 1;
        expect(days(res.body.period)).toBe(30);
        expect(days(res.body.previous)).toBe(30);
        expect(res.body.period.to).toBe(t.server.clock.now().toISOString().slice(0, 10));
      }
    });

    it('fold the spaces an administrator may not read into one bar, and name them to a member who may', async () => {
      const byAdmin = await admin.call(api.getDashboard, { params: { name: 'engagement' } });
      expect(byAdmin.status, byAdmin.text).toBe(200);
      expect(byAdmin.text).not.toContain('Xylophone');
      expect(byAdmin.text).not.toContain('Bureau Olga');
      const adminBars = bars(byAdmin.body);
      expect(adminBars.map((b) => b.label)).toEqual(
        expect.arrayContaining(['Atelier Olga', 'Cantine', 'other_spaces']),
      );
      expect(adminBars.find((b) => b.label === 'other_spaces')).toMatchObject({ id: null, value: 3 });

      const byAnalyst = await analyst.client.call(api.getDashboard, { params: { name: 'engagement' } });
      expect(bars(byAnalyst.body).map((b) => b.label)).toContain('Projet Xylophone');
      expect(bars(byAnalyst.body).map((b) => b.label)).toContain('other_spaces');

      for (const spaceId of [secret.id, otherOwnSpace.id]) {
        const filtered = await admin.call(api.getDashboard, {
          params: { name: 'engagement' },
          query: { spaceId },
        });
        expect(filtered.status).toBe(404);
        expect(filtered.text).not.toContain('Xylophone');
      }
      const mine = await analyst.client.call(api.getDashboard, {
        params: { name: 'engagement' },
        query: { spaceId: secret.id },
      });
      expect(mine.status).toBe(200);
      expect(bars(mine.body).map((b) => b.label)).toEqual(['Projet Xylophone']);
    });

    it('keep a space owner to the spaces they own', async () => {
      const res = await owner.client.call(api.getDashboard, { params: { name: 'engagement' } });
      expect(res.status, res.text).toBe(200);
      expect(
        bars(res.body)
          .map((b) => b.label)
          .sort(),
      ).toEqual(['Atelier Olga', 'Bureau Olga']);
      expect(res.text).not.toContain('Cantine');
      const other = await owner.client.call(api.getDashboard, {
        params: { name: 'engagement' },
        query: { spaceId: openSpace.id },
      });
      expect(other.status).toBe(403);
      const one = await owner.client.call(api.getDashboard, {
        params: { name: 'engagement' },
        query: { spaceId: ownSpace.id },
      });
      expect(bars(one.body).map((b) => b.label)).toEqual(['Atelier Olga']);
      const cohort = await analyst.client.call(api.createCohort, {
        body: { name: 'Ateliers', kind: 'spaces', memberIds: [ownSpace.id] },
      });
      const withCohort = await owner.client.call(api.getDashboard, {
        params: { name: 'engagement' },
        query: { cohortId: cohort.body.id },
      });
      expect(withCohort.status).toBe(403);
      // A space cohort narrows the places of the organisation's readers.
      const byCohort = await analyst.client.call(api.getDashboard, {
        params: { name: 'engagement' },
        query: { cohortId: cohort.body.id },
      });
      expect(bars(byCohort.body).map((b) => b.label)).toEqual(['Atelier Olga']);
    });

    it('refreshes on demand, for administrators, a few times an hour', async () => {
      const scope = await analyst.client.call(api.getAnalyticsScope);
      expect(scope.body.refreshedAt).not.toBeNull();
      for (let i = 0; i < analyticsLimits.refreshPerAccount.limit; i++)
        await t.server.ctx.limiter.hit(analyticsLimits.refreshPerAccount, adminId);
      const refused = await admin.call(api.refreshAnalytics);
      expect(refused.status).toBe(429);
      await t.server.ctx.limiter.reset(analyticsLimits.refreshPerAccount, adminId);
    });

    it('suppress every figure of a group smaller than the threshold', async () => {
      await admin.call(api.setAnalyticsSettings, { body: { minGroup: 3, individual: false } });
      try {
        const res = await analyst.client.call(api.getDashboard, {
          params: { name: 'engagement' },
          query: { spaceId: secret.id },
        });
        expect(res.status, res.text).toBe(200);
        expect(res.body).toMatchObject({ suppressed: true, groupSize: 2, minGroup: 3, charts: [] });
        expect(
          res.body.figures.every(
            (f: { value: unknown; suppressed: boolean }) => f.value === null && f.suppressed,
          ),
        ).toBe(true);
      } finally {
        await admin.call(api.setAnalyticsSettings, { body: { minGroup: 2, individual: false } });
      }
    });

    it('narrow to the people of a people cohort', async () => {
      const cohort = await analyst.client.call(api.createCohort, {
        body: { name: 'Binôme', kind: 'people', memberIds: [member.id, owner.id] },
      });
      expect(cohort.status, cohort.text).toBe(201);
      const res = await analyst.client.call(api.getDashboard, {
        params: { name: 'engagement' },
        query: { cohortId: cohort.body.id },
      });
      expect(res.status, res.text).toBe(200);
      expect(res.body.groupSize).toBe(2);
      const posts = res.body.figures.find((f: { key: string }) => f.key === 'posts');
      expect(posts.value).toBe(3);
    });

    it('refuse unknown filters with a clear answer', async () => {
      const ask = (query: Record<string, string>) =>
        analyst.client.call(api.getDashboard, { params: { name: 'adoption' }, query });
      for (const [query, message] of [
        [{ departmentId: NOWHERE }, 'Department not found.'],
        [{ siteId: NOWHERE }, 'Site not found.'],
        [{ cohortId: NOWHERE }, 'Cohort not found.'],
        [{ spaceId: NOWHERE }, 'Space not found.'],
      ] as const) {
        const res = await ask(query);
        expect([res.status, res.body.error.code, res.body.error.message]).toEqual([
          404,
          'not_found',
          message,
        ]);
      }
      const backwards = await ask({ from: '2026-03-10', to: '2026-03-01' });
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.details.issues[0]).toMatchObject({ field: 'to' });
      const long = await ask({ from: '2024-01-01', to: '2025-06-01' });
      expect(long.status).toBe(400);
      expect((await ask({ from: 'hier' })).status).toBe(400);
      expect(
        (await analyst.client.call(api.getDashboard, { params: { name: 'vanity' as never } })).status,
      ).toBe(400);
      const filtered = await ask({ departmentId: department, siteId: site, spaceType: 'project' });
      expect(filtered.status, filtered.text).toBe(200);
    });
  });

  describe('ROI assumptions', () => {
    it('refuse an unknown key, naming it, and change nothing', async () => {
      const res = await admin.call(api.setRoiAssumptions, {
        body: { values: { hour_cost: 80, coffee_breaks: 3 } },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues).toEqual([
        expect.objectContaining({
          field: 'values.coffee_breaks',
          message: 'Unknown assumption "coffee_breaks".',
        }),
      ]);
      expect(await t.server.ctx.db.selectFrom('analytics_assumptions').selectAll().execute()).toEqual([]);
    });

    it('multiply the measured figures; changing one changes the estimate, audited', async () => {
      const before = await analyst.client.call(api.getRoiEstimate);
      expect(before.status, before.text).toBe(200);
      expect(before.body).toMatchObject({ currency: 'EUR', canEdit: false });
      const line = (estimate: typeof before.body) =>
        estimate.lines.find((l: { key: string }) => l.key === 'emails_avoided_by_posts');
      const posts = line(before.body).figure;
      expect(posts).toMatchObject({ key: 'posts', dashboard: 'engagement' });
      expect(posts.value).toBeGreaterThanOrEqual(6);
      // posts × 2 emails × 4 minutes ÷ 60 × 45 an hour.
      expect(line(before.body).hours).toBeCloseTo((posts.value * 2 * 4) / 60, 1);
      expect(line(before.body).amount).toBeCloseTo(((posts.value * 2 * 4) / 60) * 45, 0);

      expect(
        (
          await analyst.client.call(api.setRoiAssumptions, {
            body: { values: { emails_avoided_per_post: 3 } },
          })
        ).status,
      ).toBe(403);
      const changed = await admin.call(api.setRoiAssumptions, {
        body: { values: { emails_avoided_per_post: 3, hour_cost: 45 } },
      });
      expect(changed.status, changed.text).toBe(200);
      expect(changed.body.canEdit).toBe(true);
      expect(line(changed.body).hours).toBeCloseTo((posts.value * 3 * 4) / 60, 1);
      expect(line(changed.body).amount).toBeGreaterThan(line(before.body).amount);
      expect(changed.body.total).toBeGreaterThan(before.body.total);
      const assumption = changed.body.assumptions.find(
        (a: { key: string }) => a.key === 'emails_avoided_per_post',
      );
      expect(assumption).toMatchObject({ value: 3, default: 2, updatedBy: { id: adminId } });
      const [entry] = await auditOf('analytics.assumptions_changed');
      expect(entry).toMatchObject({
        actor_id: adminId,
        before: { emails_avoided_per_post: 2 },
        after: { emails_avoided_per_post: 3 },
      });
      const activity = await t.server.ctx.db
        .selectFrom('activity_events')
        .select('verb')
        .where('verb', '=', 'analytics.assumptions_changed')
        .execute();
      expect(activity).toHaveLength(1);
      const after = await analyst.client.call(api.getRoiEstimate);
      expect(line(after.body).amount).toBe(line(changed.body).amount);
    });
  });
});
