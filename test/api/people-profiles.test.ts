// Profiles as colleagues fill them in and read them (docs/people.md): the person's own fields,
// photo and skills, colleagues' endorsements and the notification they bring, the org chart,
// and the organisation fields only an administrator keeps, with their audit record.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import type { OrgChart, PersonDetail, Skill } from '../../common/schemas/people.ts';
import type { TestClient } from '../helpers/client.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { download, type Person, person, putPhoto } from '../helpers/stream-fixtures.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF jpeg body')]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0x1a, 0, 0, 0]),
  Buffer.from('WEBPVP8 webp body'),
]);

async function profile(client: TestClient, id: string): Promise<PersonDetail> {
  const res = await client.call(api.getPerson, { params: { id } });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

async function setSkills(client: TestClient, skills: string[]): Promise<Skill[]> {
  const res = await client.call(api.setMySkills, { body: { skills } });
  expect(res.status, res.text).toBe(200);
  return res.body.items;
}

const endorse = (client: TestClient, id: string, key: string) =>
  client.call(api.endorseSkill, { params: { id, key } });

const issue = (res: { body: { error: { code: string; details: { issues: { field: string }[] } } } }) => ({
  code: res.body.error.code,
  field: res.body.error.details.issues[0]?.field,
});

describe('people: profiles, skills and the org chart', () => {
  const t = useServer({ worker: false });
  let admin: TestClient;

  const files = () =>
    (fs.readdirSync(t.server.ctx.config.FILES_DIR, { recursive: true }) as string[]).filter((f) =>
      fs.statSync(`${t.server.ctx.config.FILES_DIR}/${f}`).isFile(),
    );

  beforeAll(async () => {
    admin = (await setUpOrganisation(t.server)).client;
  });

  it('fills in one’s own profile: a field left out is kept, null or "" clears it', async () => {
    const me = await person(t.server, { name: 'Nadia Réseau' });
    const colleague = await person(t.server);
    const res = await me.client.call(api.updateMyProfile, {
      body: {
        jobTitle: 'Ingénieure réseau',
        phone: '+33 (0)1 23-45.67 89',
        languages: ['fr', 'en', 'fr'],
        about: '  Je câble les bureaux de Lyon.  ',
      },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      person: { id: me.id, name: 'Nadia Réseau', jobTitle: 'Ingénieure réseau', photoUrl: null },
      status: 'active',
      phone: '+33 (0)1 23-45.67 89',
      languages: ['fr', 'en'],
      about: 'Je câble les bureaux de Lyon.',
      manager: null,
      reportCount: 0,
      skills: [],
    });
    // A colleague sees the same profile, and may endorse where its owner may not.
    expect(res.body.canEndorse).toBe(false);
    expect(await profile(colleague.client, me.id)).toEqual({ ...res.body, canEndorse: true });

    const cleared = await me.client.call(api.updateMyProfile, { body: { about: null, phone: '' } });
    expect(cleared.body).toMatchObject({
      person: { jobTitle: 'Ingénieure réseau' },
      phone: null,
      about: null,
      languages: ['fr', 'en'],
    });
    const noTitle = await me.client.call(api.updateMyProfile, { body: { jobTitle: '   ', languages: [] } });
    expect(noTitle.body).toMatchObject({ person: { jobTitle: null }, languages: [] });
    await me.client.call(api.updateMyProfile, { body: { languages: ['de'] } });
    const noLanguages = await me.client.call(api.updateMyProfile, { body: { languages: null } });
    expect(noLanguages.body.languages).toEqual([]);
    // Name and language stay with PATCH /me, and the profile follows.
    await me.client.call(api.updateMe, { body: { name: 'Nadia Câble' } });
    expect((await profile(colleague.client, me.id)).person.name).toBe('Nadia Câble');

    const activity = await t.server.ctx.db
      .selectFrom('activity_events')
      .select('verb')
      .where('actor_id', '=', me.id)
      .where('verb', '=', 'profile.updated')
      .execute();
    expect(activity.length).toBe(6);
  });

  it('refuses invalid profile fields, naming the field, and changes nothing', async () => {
    const me = await person(t.server);
    await me.client.call(api.updateMyProfile, { body: { jobTitle: 'Comptable', phone: '01 23 45 67 89' } });
    const cases: [Record<string, unknown>, string][] = [
      [{ jobTitle: 'x'.repeat(101) }, 'jobTitle'],
      [{ phone: 'appelez-moi' }, 'phone'],
      [{ phone: '01 23 <b>45</b>' }, 'phone'],
      [{ languages: ['fr', 'xx'] }, 'languages.1'],
      [{ languages: ['fr', 'en', 'de', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'fi', 'pl'] }, 'languages'],
      [{ about: 'x'.repeat(2001) }, 'about'],
    ];
    for (const [body, field] of cases) {
      const res = await me.client.call(api.updateMyProfile, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(issue(res)).toEqual({ code: 'validation_failed', field });
    }
    const empty = await me.client.call(api.updateMyProfile, { body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('validation_failed');
    // 2,000 characters is allowed, exactly.
    const longest = await me.client.call(api.updateMyProfile, { body: { about: 'é'.repeat(2000) } });
    expect(longest.status).toBe(200);
    expect(await profile(me.client, me.id)).toMatchObject({
      person: { jobTitle: 'Comptable' },
      phone: '01 23 45 67 89',
      languages: [],
      about: 'é'.repeat(2000),
    });
  });

  it('sets, replaces and removes a photo, typed by its content, and keeps one file for it', async () => {
    const me = await person(t.server);
    const colleague = await person(t.server);
    const before = files().length;

    const first = await putPhoto(me.client, 'portrait.pdf', PNG, 'application/pdf');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.photoUrl).toMatch(new RegExp(`^/api/v1/people/${me.id}/photo\\?v=\\w+$`));
    expect((await profile(colleague.client, me.id)).person.photoUrl).toBe(first.body.photoUrl);
    const listed = await colleague.client.call(api.listPeople, { query: { q: me.name } });
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: me.id, photoUrl: first.body.photoUrl }),
    ]);
    const seen = await download(colleague.client, first.body.photoUrl);
    expect(seen.status).toBe(200);
    expect(seen.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await seen.arrayBuffer()).equals(PNG)).toBe(true);
    expect(files().length).toBe(before + 1);

    // A new photo gets a new address, and the old file goes.
    t.server.clock.advance(1000);
    const second = await putPhoto(me.client, 'portrait.png', JPEG);
    expect(second.status).toBe(200);
    expect(second.body.photoUrl).not.toBe(first.body.photoUrl);
    const jpeg = await download(colleague.client, second.body.photoUrl);
    expect(jpeg.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await jpeg.arrayBuffer()).equals(JPEG)).toBe(true);
    expect(files().length).toBe(before + 1);

    for (const [bytes, type] of [
      [GIF, 'image/gif'],
      [WEBP, 'image/webp'],
    ] as const) {
      t.server.clock.advance(1000);
      const res = await putPhoto(me.client, 'photo', bytes, 'application/octet-stream');
      expect(res.status).toBe(200);
      expect((await download(colleague.client, res.body.photoUrl)).headers.get('content-type')).toBe(type);
    }
    expect(files().length).toBe(before + 1);

    const removed = await me.client.request('DELETE', '/api/v1/me/photo');
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ photoUrl: null });
    expect((await profile(colleague.client, me.id)).person.photoUrl).toBeNull();
    expect((await download(colleague.client, `/api/v1/people/${me.id}/photo`)).status).toBe(404);
    expect(files().length).toBe(before);
    // Removing it again is harmless.
    expect((await me.client.request('DELETE', '/api/v1/me/photo')).status).toBe(200);
  });

  it('keeps one skill per spelling, keeps its endorsements when re-spelled and drops them with it', async () => {
    const me = await person(t.server, { name: 'Kenza Conteneurs' });
    const fan = await person(t.server, { name: 'Fabien Fan' });
    const other = await person(t.server, { name: 'Olga Autre' });

    const skills = await setSkills(me.client, [
      'kubernetes',
      '  Droit   du travail ',
      'KUBERNETES',
      'Sécurité',
    ]);
    expect(skills.map((s) => [s.key, s.name])).toEqual([
      ['kubernetes', 'kubernetes'],
      ['droit du travail', 'Droit du travail'],
      ['securite', 'Sécurité'],
    ]);

    const endorsed = await endorse(fan.client, me.id, 'kubernetes');
    expect(endorsed.status, endorsed.text).toBe(200);
    expect(endorsed.body).toEqual({
      key: 'kubernetes',
      name: 'kubernetes',
      endorsements: 1,
      endorsedByMe: true,
      endorsedBy: [{ id: fan.id, name: 'Fabien Fan', handle: fan.handle, jobTitle: null }],
    });
    expect((await endorse(other.client, me.id, 'droit du travail')).body.endorsements).toBe(1);
    expect((await endorse(other.client, me.id, 'securite')).status).toBe(200);

    // Re-spelled: the same skill, with its endorsements and its new spelling.
    const respelled = await setSkills(me.client, ['Kubernetes ', 'Droit du travail', 'Securite']);
    expect(respelled.map((s) => [s.name, s.endorsements])).toEqual([
      ['Kubernetes', 1],
      ['Droit du travail', 1],
      ['Securite', 1],
    ]);
    const seenByFan = await profile(fan.client, me.id);
    expect(seenByFan.skills.map((s) => [s.key, s.endorsedByMe])).toEqual([
      ['kubernetes', true],
      ['droit du travail', false],
      ['securite', false],
    ]);

    // Removed: its endorsements go with it, and declaring it again starts from none.
    await setSkills(me.client, ['Droit du travail']);
    expect((await endorse(fan.client, me.id, 'kubernetes')).status).toBe(404);
    const again = await setSkills(me.client, ['Droit du travail', 'Kubernetes']);
    expect(again.map((s) => [s.name, s.endorsements, s.endorsedByMe])).toEqual([
      ['Droit du travail', 1, false],
      ['Kubernetes', 0, false],
    ]);
    expect(await setSkills(me.client, [])).toEqual([]);
    expect((await profile(fan.client, me.id)).skills).toEqual([]);
  });

  it('counts an endorsement once, notifies once per skill and endorser, and can be withdrawn', async () => {
    const me = await person(t.server, { name: 'Théo Terraform' });
    const fan = await person(t.server, { name: 'Fanny Fan' });
    await setSkills(me.client, ['Terraform', 'Droit du travail']);

    for (let i = 0; i < 2; i++) {
      const res = await endorse(fan.client, me.id, 'terraform');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ endorsements: 1, endorsedByMe: true });
    }
    // Withdrawn, then given again: still one notification for it.
    const withdrawn = await fan.client.call(api.unendorseSkill, { params: { id: me.id, key: 'terraform' } });
    expect(withdrawn.body).toMatchObject({ endorsements: 0, endorsedByMe: false, endorsedBy: [] });
    expect(
      (await fan.client.call(api.unendorseSkill, { params: { id: me.id, key: 'terraform' } })).status,
    ).toBe(200);
    expect((await endorse(fan.client, me.id, 'terraform')).body.endorsements).toBe(1);
    // A key is matched exactly as the profile gives it (accents and spaces included).
    expect((await endorse(fan.client, me.id, 'droit du travail')).status).toBe(200);

    const list = await me.client.call(api.listNotifications, { query: {} });
    expect(list.status).toBe(200);
    const endorsements = list.body.items.filter((n: { kind: string }) => n.kind === 'skill_endorsed');
    expect(
      endorsements.map((n: { actor: { id: string }; skill: string }) => [n.actor.id, n.skill]).sort(),
    ).toEqual([
      [fan.id, 'Droit du travail'],
      [fan.id, 'Terraform'],
    ]);
    expect((await fan.client.call(api.listNotifications, { query: {} })).body.items).toEqual([]);

    expect((await endorse(fan.client, me.id, 'terraforming')).status).toBe(404);
    expect((await endorse(me.client, me.id, 'terraform')).status).toBe(403);
  });

  it('lets people switch endorsement notifications off', async () => {
    const me = await person(t.server);
    const fan = await person(t.server);
    await setSkills(me.client, ['Comptabilité']);
    const off = await me.client.call(api.updateNotificationPreferences, {
      body: { kinds: { skill_endorsed: false } },
    });
    expect(off.body.kinds.skill_endorsed).toBe(false);
    expect((await endorse(fan.client, me.id, 'comptabilite')).body.endorsements).toBe(1);
    expect((await me.client.call(api.listNotifications, { query: {} })).body.items).toEqual([]);
  });

  it('does not endorse guests or deactivated people', async () => {
    const fan = await person(t.server);
    const guest = await person(t.server, { role: 'guest' });
    await setSkills(guest.client, ['Achats']);
    expect(await profile(fan.client, guest.id)).toMatchObject({
      canEndorse: false,
      skills: [{ name: 'Achats' }],
    });
    const toGuest = await endorse(fan.client, guest.id, 'achats');
    expect(toGuest.status).toBe(403);
    expect(toGuest.body.error.code).toBe('forbidden');

    const gone = await person(t.server);
    await setSkills(gone.client, ['Logistique']);
    expect((await admin.call(api.deactivateUser, { params: { id: gone.id } })).status).toBe(200);
    expect((await endorse(fan.client, gone.id, 'logistique')).status).toBe(403);
    // Their profile stays readable, with their skills.
    expect(await profile(fan.client, gone.id)).toMatchObject({
      status: 'deactivated',
      canEndorse: false,
      skills: [{ name: 'Logistique', endorsements: 0 }],
    });
  });

  it('refuses skill lists that are too long or hold an empty or overlong skill', async () => {
    const me = await person(t.server);
    const many = Array.from({ length: 31 }, (_, i) => `Compétence ${i}`);
    const tooMany = await me.client.call(api.setMySkills, { body: { skills: many } });
    expect(tooMany.status).toBe(400);
    expect(issue(tooMany)).toEqual({ code: 'validation_failed', field: 'skills' });
    expect((await setSkills(me.client, many.slice(0, 30))).length).toBe(30);
    const long = await me.client.call(api.setMySkills, { body: { skills: ['ok', 'x'.repeat(51)] } });
    expect(issue(long)).toEqual({ code: 'validation_failed', field: 'skills.1' });
    const blank = await me.client.call(api.setMySkills, { body: { skills: ['   '] } });
    expect(issue(blank)).toEqual({ code: 'validation_failed', field: 'skills.0' });
    expect((await profile(me.client, me.id)).skills.length).toBe(30);
  });

  it('lets an administrator set job title, department, site and manager, audited', async () => {
    const manager = await person(t.server, { name: 'Maëlle Manager' });
    const a = await person(t.server, { name: 'Anaïs Analyste' });
    const b = await person(t.server, { name: 'Benoît Bureau' });

    const res = await admin.call(api.updateOrganisation, {
      params: { id: a.id },
      body: {
        jobTitle: 'Analyste',
        department: '  Recherche   Appliquée ',
        site: 'Grenoble',
        managerId: manager.id,
      },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      id: a.id,
      jobTitle: 'Analyste',
      department: { name: 'Recherche Appliquée' },
      site: { name: 'Grenoble' },
      manager: { id: manager.id, name: 'Maëlle Manager' },
    });
    const directory = await b.client.call(api.getDirectory);
    expect(directory.body.departments).toContainEqual(res.body.department);
    expect(directory.body.sites).toContainEqual(res.body.site);

    // The same name in another case is the same department: none is created.
    const same = await admin.call(api.updateOrganisation, {
      params: { id: b.id },
      body: { department: 'recherche appliquée' },
    });
    expect(same.body.department).toEqual(res.body.department);
    expect(same.body).toMatchObject({ jobTitle: null, site: null, manager: null });
    const after = await b.client.call(api.getDirectory);
    expect(
      after.body.departments.filter((d: { name: string }) => d.name.toLowerCase() === 'recherche appliquée'),
    ).toHaveLength(1);
    const inDepartment = await b.client.call(api.listPeople, {
      query: { departmentId: res.body.department.id },
    });
    expect(inDepartment.body.items.map((p: { id: string }) => p.id).sort()).toEqual([a.id, b.id].sort());

    // The profile shows it all; a field left out is kept, null clears it.
    expect(await profile(b.client, a.id)).toMatchObject({
      person: { jobTitle: 'Analyste', department: res.body.department, site: res.body.site },
      manager: { id: manager.id, name: 'Maëlle Manager' },
    });
    expect((await profile(b.client, manager.id)).reportCount).toBe(1);
    const moved = await admin.call(api.updateOrganisation, { params: { id: a.id }, body: { site: null } });
    expect(moved.body).toMatchObject({
      jobTitle: 'Analyste',
      department: res.body.department,
      site: null,
      manager: { id: manager.id },
    });

    const left = await admin.call(api.updateOrganisation, { params: { id: b.id }, body: { department: '' } });
    expect(left.body.department).toBeNull();
    const tooLong = await admin.call(api.updateOrganisation, {
      params: { id: b.id },
      body: { department: 'x'.repeat(101) },
    });
    expect(issue(tooLong)).toEqual({ code: 'validation_failed', field: 'department' });

    const audit = await admin.call(api.listAudit, {
      query: { action: 'user.organisation_changed', targetId: a.id },
    });
    expect(audit.status, audit.text).toBe(200);
    expect(audit.body.items.map((e: { before: unknown; after: unknown }) => [e.before, e.after])).toEqual([
      [
        { jobTitle: 'Analyste', department: 'Recherche Appliquée', site: 'Grenoble', manager: manager.id },
        { jobTitle: 'Analyste', department: 'Recherche Appliquée', site: null, manager: manager.id },
      ],
      [
        { jobTitle: null, department: null, site: null, manager: null },
        { jobTitle: 'Analyste', department: 'Recherche Appliquée', site: 'Grenoble', manager: manager.id },
      ],
    ]);
    const activity = await t.server.ctx.db
      .selectFrom('activity_events')
      .select('object_id')
      .where('verb', '=', 'user.organisation_changed')
      .where('object_id', '=', a.id)
      .execute();
    expect(activity).toHaveLength(2);

    const invalid = await admin.call(api.updateOrganisation, { params: { id: a.id }, body: {} });
    expect(invalid.status).toBe(400);
    const unknown = await admin.call(api.updateOrganisation, {
      params: { id: '00000000-0000-4000-8000-000000000000' },
      body: { jobTitle: 'Fantôme' },
    });
    expect(unknown.status).toBe(404);
  });

  it('refuses a manager who is the person, reports to them, or is not an active colleague', async () => {
    const a = await person(t.server);
    const b = await person(t.server);
    const c = await person(t.server);
    const guest = await person(t.server, { role: 'guest' });
    const gone = await person(t.server);
    await admin.call(api.deactivateUser, { params: { id: gone.id } });

    const setManager = (id: string, managerId: string | null) =>
      admin.call(api.updateOrganisation, { params: { id }, body: { managerId } });
    const reason = (res: { body: { error: { code: string; details: { issues: object[] } } } }) => ({
      code: res.body.error.code,
      issues: res.body.error.details.issues.map((i) => ({ ...i, message: undefined })),
    });

    expect((await setManager(a.id, b.id)).status).toBe(200);
    const loop = await setManager(b.id, a.id);
    expect(loop.status).toBe(400);
    expect(reason(loop)).toEqual({
      code: 'validation_failed',
      issues: [{ field: 'managerId', reason: 'manager_loop', message: undefined }],
    });
    expect((await setManager(b.id, c.id)).status).toBe(200);
    expect(reason(await setManager(c.id, a.id)).issues[0]).toMatchObject({ reason: 'manager_loop' });
    expect(reason(await setManager(a.id, a.id)).issues[0]).toMatchObject({
      field: 'managerId',
      reason: 'manager_self',
    });
    for (const id of [guest.id, gone.id, '00000000-0000-4000-8000-000000000000']) {
      expect(reason(await setManager(c.id, id)).issues[0]).toMatchObject({
        field: 'managerId',
        reason: 'manager_not_colleague',
      });
    }
    // Nothing was written by the refusals.
    expect((await profile(a.client, c.id)).manager).toBeNull();
    expect((await profile(a.client, a.id)).manager?.id).toBe(b.id);
    // Clearing a manager is allowed, and the loop is then possible the other way round.
    expect((await setManager(a.id, null)).body.manager).toBeNull();
    expect((await setManager(c.id, a.id)).status).toBe(200);
    // A guest is not in the chart: no manager for them.
    expect(reason(await setManager(guest.id, a.id)).issues[0]).toMatchObject({
      field: 'managerId',
      reason: 'guest_no_manager',
    });
  });

  it('leaves someone who became a guest out of the chart; their reports start from the top', async () => {
    const chief = await person(t.server, { name: 'Yann Sommet' });
    const turned = await person(t.server, { name: 'Xavier Devenu' });
    const report = await person(t.server, { name: 'Wanda Équipe' });
    await admin.call(api.updateOrganisation, { params: { id: turned.id }, body: { managerId: chief.id } });
    await admin.call(api.updateOrganisation, { params: { id: report.id }, body: { managerId: turned.id } });
    expect(
      (await admin.call(api.changeRole, { params: { id: turned.id }, body: { role: 'guest' } })).status,
    ).toBe(200);
    const chiefChart = await admin.call(api.getOrgChart, { params: { id: chief.id } });
    expect(chiefChart.body.reports).toEqual([]);
    expect((await admin.call(api.getOrgChart, { params: { id: turned.id } })).status).toBe(404);
    const reportChart = await admin.call(api.getOrgChart, { params: { id: report.id } });
    expect(reportChart.body.managers).toEqual([]);
    const roots = await admin.call(api.getOrgRoots);
    const rootNames = roots.body.items.map((r: { person: { name: string } }) => r.person.name);
    expect(rootNames).not.toContain('Xavier Devenu');
    expect(rootNames).not.toContain('Yann Sommet');
  });

  it('draws the org chart: the top, a person’s managers and reports, without deactivated reports', async () => {
    const boss = await person(t.server, { name: 'Zoé Zénith' });
    const lead = await person(t.server, { name: 'Louis Lead' });
    const e1 = await person(t.server, { name: 'Emma Équipe' });
    const e2 = await person(t.server, { name: 'Ali Équipe' });
    const setManager = async (id: string, managerId: string) =>
      expect((await admin.call(api.updateOrganisation, { params: { id }, body: { managerId } })).status).toBe(
        200,
      );
    await setManager(lead.id, boss.id);
    await setManager(e1.id, lead.id);
    await setManager(e2.id, lead.id);
    const ids = (members: { person: { id: string } }[]) => members.map((m) => m.person.id);

    const roots = await e1.client.call(api.getOrgRoots);
    expect(roots.status).toBe(200);
    expect(roots.body.items).toContainEqual(
      expect.objectContaining({ person: expect.objectContaining({ id: boss.id }), reportCount: 1 }),
    );
    expect(ids(roots.body.items)).not.toContain(lead.id);
    expect(ids(roots.body.items)).not.toContain(e1.id);

    const ofE1 = (await e2.client.call(api.getOrgChart, { params: { id: e1.id } })).body as OrgChart;
    expect(ids(ofE1.managers)).toEqual([boss.id, lead.id]);
    expect(ofE1.person).toMatchObject({ person: { id: e1.id, name: 'Emma Équipe' }, reportCount: 0 });
    expect(ofE1.reports).toEqual([]);
    const ofLead = (await e2.client.call(api.getOrgChart, { params: { id: lead.id } })).body as OrgChart;
    expect(ids(ofLead.managers)).toEqual([boss.id]);
    expect(ofLead.person.reportCount).toBe(2);
    expect(ids(ofLead.reports)).toEqual([e2.id, e1.id]);
    expect(ofLead.managers[0]?.reportCount).toBe(1);

    // Deactivated: gone from reports, but a deactivated manager stays in the line.
    await admin.call(api.deactivateUser, { params: { id: e2.id } });
    const fewer = (await e1.client.call(api.getOrgChart, { params: { id: lead.id } })).body as OrgChart;
    expect(ids(fewer.reports)).toEqual([e1.id]);
    expect(fewer.person.reportCount).toBe(1);
    expect((await profile(e1.client, lead.id)).reportCount).toBe(1);
    await admin.call(api.deactivateUser, { params: { id: lead.id } });
    const line = (await e1.client.call(api.getOrgChart, { params: { id: e1.id } })).body as OrgChart;
    expect(ids(line.managers)).toEqual([boss.id, lead.id]);
    const top = (await e1.client.call(api.getOrgChart, { params: { id: boss.id } })).body as OrgChart;
    expect(top.reports).toEqual([]);
    expect(ids((await e1.client.call(api.getOrgRoots)).body.items)).not.toContain(boss.id);

    const missing = await e1.client.call(api.getOrgChart, {
      params: { id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(missing.status).toBe(404);
  });

  it('finds people in search by a skill and by words of their about text', async () => {
    const me: Person = await person(t.server, { name: 'Sacha Sommelier' });
    const reader = await person(t.server);
    await setSkills(me.client, ['Œnologie']);
    await me.client.call(api.updateMyProfile, {
      body: { about: 'Je cultive des bonsaïs et je répare des horloges anciennes.' },
    });
    const found = async (q: string) =>
      (await reader.client.call(api.search, { query: { q, type: 'person' } })).body.items.map(
        (r: { id: string }) => r.id,
      );
    expect(await found('oenologie')).toEqual([me.id]);
    expect(await found('bonsai')).toEqual([me.id]);
    expect(await found('horloge')).toEqual([me.id]);
    // Removed or rewritten, they no longer find the person.
    await setSkills(me.client, ['Cuisine']);
    await me.client.call(api.updateMyProfile, { body: { about: null } });
    expect(await found('oenologie')).toEqual([]);
    expect(await found('horloge')).toEqual([]);
    expect(await found('cuisine')).toEqual([me.id]);
  });
});
