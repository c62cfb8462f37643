// People and expertise must tell nobody more than docs/people.md allows: a guest sees only
// their own profile and none of the organisation's lists; "who knows" and a question's
// suggested experts count writings only where the reader may read them (canary words in a
// private and a secret space); only administrators keep the organisation fields; and a photo
// is an image the browser can never run, bounded in size, typed by its bytes.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import type { ExpertiseMatch } from '../../common/schemas/people.ts';
import type { TestClient } from '../helpers/client.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { download, makeSpace, type Person, person, post, putPhoto } from '../helpers/stream-fixtures.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const NIL_ID = '00000000-0000-4000-8000-000000000000';

describe('people visibility', () => {
  const t = useServer({ worker: false });
  let admin: TestClient;
  let colleague: Person;
  let guest: Person;

  const files = () =>
    (fs.readdirSync(t.server.ctx.config.FILES_DIR, { recursive: true }) as string[]).filter((f) =>
      fs.statSync(`${t.server.ctx.config.FILES_DIR}/${f}`).isFile(),
    );

  beforeAll(async () => {
    admin = (await setUpOrganisation(t.server)).client;
    colleague = await person(t.server, { name: 'Clara Collègue' });
    guest = await person(t.server, { name: 'Gaspard Invité', role: 'guest' });
    await colleague.client.call(api.setMySkills, { body: { skills: ['Budget'] } });
    expect((await putPhoto(colleague.client, 'me.png', PNG)).status).toBe(200);
  });

  it('shows a guest only their own profile and photo, and none of the organisation’s lists', async () => {
    const photoUrl = (await colleague.client.call(api.getPerson, { params: { id: colleague.id } })).body
      .person.photoUrl as string;
    const other = await guest.client.call(api.getPerson, { params: { id: colleague.id } });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('not_found');
    expect(other.text).not.toContain('Clara');
    expect((await download(guest.client, photoUrl)).status).toBe(404);
    expect((await download(guest.client, `/api/v1/people/${colleague.id}/photo`)).status).toBe(404);
    // Nobody and somebody answer alike, so a guest cannot learn who works here.
    expect((await guest.client.call(api.getPerson, { params: { id: NIL_ID } })).status).toBe(404);

    for (const [endpoint, input] of [
      [api.listPeople, {}],
      [api.getDirectory, {}],
      [api.getOrgRoots, {}],
      [api.getOrgChart, { params: { id: colleague.id } }],
      [api.getOrgChart, { params: { id: guest.id } }],
      [api.whoKnows, { query: { q: 'budget' } }],
    ] as const) {
      const res = await guest.client.call(endpoint, input);
      expect({ path: endpoint.path, status: res.status, code: res.body.error?.code }).toEqual({
        path: endpoint.path,
        status: 403,
        code: 'forbidden',
      });
      expect(res.text).not.toContain('Clara');
    }

    // A guest fills in their own profile, photo and skills, and sees them.
    const mine = await guest.client.call(api.updateMyProfile, {
      body: { jobTitle: 'Acheteur chez un client', languages: ['de'] },
    });
    expect(mine.status).toBe(200);
    expect((await guest.client.call(api.setMySkills, { body: { skills: ['Achats'] } })).status).toBe(200);
    const photo = await putPhoto(guest.client, 'g.png', PNG);
    expect(photo.status).toBe(200);
    expect((await download(guest.client, photo.body.photoUrl)).status).toBe(200);
    const own = await guest.client.call(api.getPerson, { params: { id: guest.id } });
    expect(own.body).toMatchObject({
      person: { id: guest.id, jobTitle: 'Acheteur chez un client' },
      languages: ['de'],
      skills: [{ name: 'Achats' }],
    });
    // Colleagues do see a guest's profile (who is this customer?).
    expect((await colleague.client.call(api.getPerson, { params: { id: guest.id } })).status).toBe(200);
  });

  it('does not let a guest endorse, nor anyone endorse a guest or themselves', async () => {
    const tries = [
      guest.client.call(api.endorseSkill, { params: { id: colleague.id, key: 'budget' } }),
      guest.client.call(api.unendorseSkill, { params: { id: colleague.id, key: 'budget' } }),
    ];
    for (const res of await Promise.all(tries)) {
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('Budget');
    }
    await guest.client.call(api.setMySkills, { body: { skills: ['Achats'] } });
    expect(
      (await guest.client.call(api.endorseSkill, { params: { id: guest.id, key: 'achats' } })).status,
    ).toBe(403);
    expect(
      (await colleague.client.call(api.endorseSkill, { params: { id: guest.id, key: 'achats' } })).status,
    ).toBe(403);
    const self = await colleague.client.call(api.endorseSkill, {
      params: { id: colleague.id, key: 'budget' },
    });
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('forbidden');
    const skills = (await admin.call(api.getPerson, { params: { id: colleague.id } })).body.skills;
    expect(skills).toEqual([expect.objectContaining({ name: 'Budget', endorsements: 0, endorsedBy: [] })]);
    const own = (await admin.call(api.getPerson, { params: { id: guest.id } })).body.skills;
    expect(own).toEqual([expect.objectContaining({ name: 'Achats', endorsements: 0 })]);
    expect((await colleague.client.call(api.listNotifications, { query: {} })).body.items).toEqual([]);
  });

  it('counts writings in a private or secret space only for readers of that space', async () => {
    const author = await person(t.server, { name: 'Zqxauthor Écrivain' });
    const member = await person(t.server, { name: 'Mila Membre' });
    const outsider = await person(t.server, { name: 'Oscar Dehors' });
    const open = await makeSpace(t.server, {
      visibility: 'open',
      owner: outsider,
      members: [member, author],
    });
    const privateSpace = await makeSpace(t.server, {
      visibility: 'private',
      owner: author,
      members: [member],
    });
    const secret = await makeSpace(t.server, { visibility: 'secret', owner: author, members: [member] });
    // Public to colleagues: a declared skill. Private: what was written about it.
    await author.client.call(api.setMySkills, { body: { skills: ['Cryogénie'] } });
    await post(author.client, privateSpace.id, 'Cryogénie : zqxprivexpert, nos mesures du mois.');
    const q = await member.client.call(api.createPost, {
      body: { spaceId: secret.id, title: 'La cryogénie zqxsecretexpert est-elle prête ?', body: 'Alors ?' },
    });
    expect(q.status).toBe(201);
    const a = await author.client.call(api.createComment, {
      params: { id: q.body.id },
      body: { body: 'Oui, la cryogénie zqxsecretexpert est prête.' },
    });
    await member.client.call(api.acceptAnswer, { params: { id: q.body.id }, body: { commentId: a.body.id } });

    const whoKnows = async (who: Person, q: string) => {
      const res = await who.client.call(api.whoKnows, { query: { q } });
      expect(res.status).toBe(200);
      return { items: res.body.items as ExpertiseMatch[], text: res.text.toLowerCase() };
    };
    for (const canary of ['zqxprivexpert', 'zqxsecretexpert']) {
      const seen = await whoKnows(outsider, canary);
      expect({ canary, items: seen.items }).toEqual({ canary, items: [] });
      expect(seen.text).not.toContain('zqxauthor');
      expect((await whoKnows(member, canary)).items.map((i) => i.person.id)).toContain(author.id);
    }
    // The public skill shows to everyone; the explanation counts only what the reader may read.
    const outside = (await whoKnows(outsider, 'cryogénie')).items.find((i) => i.person.id === author.id);
    expect(outside).toMatchObject({
      skills: [{ name: 'Cryogénie', endorsements: 0 }],
      answers: 0,
      acceptedAnswers: 0,
      posts: 0,
    });
    const inside = (await whoKnows(member, 'cryogénie')).items.find((i) => i.person.id === author.id);
    expect(inside).toMatchObject({ answers: 1, acceptedAnswers: 1, posts: 1 });
    // The ranking leaks no more than the explanation: the member who asked in the secret space
    // is ranked for readers only.
    expect((await whoKnows(outsider, 'cryogénie')).items.map((i) => i.person.id)).not.toContain(member.id);

    // A question's suggested experts: the same rule, for the asker.
    const asked = await outsider.client.call(api.createPost, {
      body: { spaceId: open.id, title: 'Qui connaît zqxprivexpert ou zqxsecretexpert ?', body: '?' },
    });
    const forOutsider = await outsider.client.call(api.suggestExperts, { params: { id: asked.body.id } });
    expect(forOutsider.status).toBe(200);
    expect(forOutsider.body.items).toEqual([]);
    expect(forOutsider.text.toLowerCase()).not.toContain('zqxauthor');
    const byMember = await member.client.call(api.createPost, {
      body: { spaceId: open.id, title: 'Qui connaît zqxprivexpert ?', body: '?' },
    });
    const forMember = await member.client.call(api.suggestExperts, { params: { id: byMember.body.id } });
    // (Oscar is suggested too: his own question above is on the same words.)
    expect(forMember.body.items).toContainEqual(
      expect.objectContaining({ person: expect.objectContaining({ id: author.id }), posts: 1 }),
    );
  });

  it('does not show a guest colleagues’ skills through a question’s suggested experts', async () => {
    const expert = await person(t.server, { name: 'Éric Expert' });
    const shared = await makeSpace(t.server, {
      visibility: 'private',
      owner: colleague,
      members: [expert, guest],
    });
    await expert.client.call(api.setMySkills, { body: { skills: ['Zqxspectrométrie'] } });
    const byGuest = await guest.client.call(api.createPost, {
      body: { spaceId: shared.id, title: 'Qui connaît la zqxspectrométrie ?', body: 'Merci' },
    });
    expect(byGuest.status).toBe(201);
    const forGuest = await guest.client.call(api.suggestExperts, { params: { id: byGuest.body.id } });
    expect(forGuest.status).toBe(200);
    expect(forGuest.body.items).toEqual([]);
    // A colleague asking the same is pointed to the declared skill.
    const byColleague = await colleague.client.call(api.createPost, {
      body: { spaceId: shared.id, title: 'Qui connaît la zqxspectrométrie ?', body: 'Merci' },
    });
    const forColleague = await colleague.client.call(api.suggestExperts, {
      params: { id: byColleague.body.id },
    });
    expect(forColleague.body.items).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ id: expert.id }),
        skills: [{ name: 'Zqxspectrométrie', endorsements: 0 }],
      }),
    ]);
  });

  it('lets only administrators change organisation fields', async () => {
    const target = await person(t.server, { name: 'Tom Cible' });
    const before = (await admin.call(api.getPerson, { params: { id: target.id } })).body;
    for (const [who, id] of [
      [target.client, target.id],
      [colleague.client, target.id],
      [guest.client, target.id],
      [guest.client, guest.id],
    ] as const) {
      const res = await who.call(api.updateOrganisation, {
        params: { id },
        body: { jobTitle: 'Directeur', department: 'Zqxpirates', managerId: colleague.id },
      });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await admin.call(api.getPerson, { params: { id: target.id } })).body).toEqual(before);
    const directory = await admin.call(api.getDirectory);
    expect(directory.text).not.toContain('Zqxpirates');
    const audit = await admin.call(api.listAudit, { query: { action: 'user.organisation_changed' } });
    expect(audit.body.items).toEqual([]);
    // Their own profile fields are theirs, but a department is not one of them.
    const sneaky = await target.client.call(api.updateMyProfile, {
      body: { jobTitle: 'Stagiaire', department: 'Zqxpirates', managerId: colleague.id } as never,
    });
    expect((await admin.call(api.getPerson, { params: { id: target.id } })).body).toMatchObject({
      person: { department: null },
      manager: null,
    });
    expect([200, 400]).toContain(sneaky.status);
  });

  it('serves a photo as an inert image, typed by its bytes: never SVG or HTML, whatever its name', async () => {
    const me = await person(t.server);
    const first = await putPhoto(me.client, 'me.png', PNG);
    expect(first.status).toBe(200);
    const res = await download(colleague.client, first.body.photoUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('sandbox');
    expect(csp).toContain("default-src 'none'");
    expect(res.headers.get('content-disposition')).toMatch(/^inline/);
    // Kept by the browser only (private), and its address changes with the photo.
    expect(res.headers.get('cache-control')).toBe('private, max-age=86400');

    const stored = files().length;
    const hostile: [string, string, string][] = [
      ['evil.png', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/png'],
      [
        'evil.svg',
        '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        'image/svg+xml',
      ],
      ['page.png', '<!doctype html><html><body><script>alert(1)</script></body></html>', 'image/png'],
      ['notes.jpg', 'just some text', 'image/jpeg'],
      ['doc.png', '%PDF-1.7\n1 0 obj', 'image/png'],
    ];
    for (const [name, content, type] of hostile) {
      const refused = await putPhoto(me.client, name, Buffer.from(content), type);
      expect({ name, status: refused.status, code: refused.body.error?.code }).toEqual({
        name,
        status: 415,
        code: 'unsupported_media_type',
      });
    }
    expect(files().length).toBe(stored);
    const profile = await colleague.client.call(api.getPerson, { params: { id: me.id } });
    expect(profile.body.person.photoUrl).toBe(first.body.photoUrl);
    const still = await download(colleague.client, first.body.photoUrl);
    expect(Buffer.from(await still.arrayBuffer()).equals(PNG)).toBe(true);

    const none = await me.client.request('PUT', '/api/v1/me/photo', { body: {} });
    expect(none.status).toBe(400);
    expect(none.body.error.details.issues[0].field).toBe('file');
    // The version in the address is for caches only.
    const unversioned = await download(colleague.client, `/api/v1/people/${colleague.id}/photo`);
    expect(unversioned.status).toBe(200);
    expect((await download(me.client, `/api/v1/people/${NIL_ID}/photo`)).status).toBe(404);
    const noPhoto = await person(t.server);
    expect((await download(me.client, `/api/v1/people/${noPhoto.id}/photo`)).status).toBe(404);
  });

  it('refuses a photo over 2 MB and keeps nothing of it', async () => {
    const me = await person(t.server);
    const first = await putPhoto(me.client, 'me.png', PNG);
    const stored = files();
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024 + 1 - PNG.length, 0)]);
    expect(big.length).toBe(2 * 1024 * 1024 + 1);
    const refused = await putPhoto(me.client, 'big.png', big);
    expect(refused.status).toBe(413);
    expect(refused.body.error.code).toBe('payload_too_large');
    expect(files().filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(files().sort()).toEqual(stored.sort());
    // Far over: refused as well, and the request is read to its end rather than left hanging
    // (a half-read request kept its connection open and held up the server's shutdown).
    const huge = await putPhoto(me.client, 'huge.png', Buffer.concat([PNG, Buffer.alloc(8 * 1024 * 1024)]));
    expect(huge.status).toBe(413);
    expect(huge.body.error).toMatchObject({
      code: 'payload_too_large',
      message: 'A photo may be at most 2 MB.',
    });
    expect(files().sort()).toEqual(stored.sort());
    const profile = await colleague.client.call(api.getPerson, { params: { id: me.id } });
    expect(profile.body.person.photoUrl).toBe(first.body.photoUrl);
    // Exactly 2 MB is accepted.
    t.server.clock.advance(1000);
    const largest = await putPhoto(me.client, 'big.png', big.subarray(0, 2 * 1024 * 1024));
    expect(largest.status).toBe(200);
    expect(largest.body.photoUrl).not.toBe(first.body.photoUrl);
  });

  it('still serves the profile and photo of a deactivated person to colleagues', async () => {
    const gone = await person(t.server, { name: 'Paul Parti' });
    const photo = await putPhoto(gone.client, 'me.png', PNG);
    expect((await admin.call(api.deactivateUser, { params: { id: gone.id } })).status).toBe(200);
    const res = await download(colleague.client, photo.body.photoUrl);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    const profile = await colleague.client.call(api.getPerson, { params: { id: gone.id } });
    expect(profile.body).toMatchObject({ status: 'deactivated', person: { photoUrl: photo.body.photoUrl } });
    // But they are gone from the directory, and a guest still sees nothing of them.
    const listed = await colleague.client.call(api.listPeople, { query: { q: 'Paul Parti' } });
    expect(listed.body.items).toEqual([]);
    expect((await download(guest.client, photo.body.photoUrl)).status).toBe(404);
  });
});
