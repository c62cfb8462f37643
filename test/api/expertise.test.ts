// "Who knows about X" (docs/people.md): people ranked by declared skills (5 points each),
// endorsements of them (2 each) and what they wrote on the subject (1 per post or comment,
// 3 per answer, 7 per accepted answer), each result saying why; filtered by department and
// site; words matched by French or English stem whatever their accents; a short subject
// ("Go") by a skill's exact name; deactivated people left out. A question's suggested
// experts use the same scoring.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import type { ExpertiseMatch } from '../../common/schemas/people.ts';
import type { Post } from '../../common/schemas/stream.ts';
import type { TestClient } from '../helpers/client.ts';
import { buildUser, setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { addMember, makeSpace, type Person, person, post } from '../helpers/stream-fixtures.ts';

async function setSkills(who: Person, skills: string[]) {
  const res = await who.client.call(api.setMySkills, { body: { skills } });
  expect(res.status, res.text).toBe(200);
}

async function endorse(by: Person[], of: Person, key: string) {
  for (const endorser of by) {
    const res = await endorser.client.call(api.endorseSkill, { params: { id: of.id, key } });
    expect(res.status, res.text).toBe(200);
  }
}

async function ask(client: TestClient, spaceId: string, title: string, body = 'Des idées ?') {
  const res = await client.call(api.createPost, { body: { spaceId, title, body } });
  expect(res.status, res.text).toBe(201);
  return res.body as Post;
}

async function answer(client: TestClient, questionId: string, body: string, parentId?: string) {
  const res = await client.call(api.createComment, { params: { id: questionId }, body: { body, parentId } });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string };
}

describe('who knows about X', () => {
  const t = useServer({ worker: false });
  let admin: TestClient;
  let reader: Person;
  let space: { id: string };
  /** Colleagues who endorse and read, and never write on any subject of this file. */
  let fans: Person[];

  async function whoKnows(q: string, extra: { departmentId?: string; siteId?: string } = {}) {
    const res = await reader.client.call(api.whoKnows, { query: { q, ...extra } });
    expect(res.status, res.text).toBe(200);
    return res.body.items as ExpertiseMatch[];
  }
  const names = (items: ExpertiseMatch[]) => items.map((i) => i.person.name);
  /** A colleague who may write in the open space of this file. */
  async function colleague(name: string) {
    const who = await person(t.server, { name });
    await addMember(t.server, space.id, who);
    return who;
  }

  beforeAll(async () => {
    admin = (await setUpOrganisation(t.server)).client;
    reader = await person(t.server, { name: 'Rémi Lecteur' });
    fans = [];
    for (let i = 0; i < 4; i++) fans.push(await person(t.server, { name: `Fan ${i}` }));
    space = await makeSpace(t.server, { visibility: 'open', owner: reader, members: fans });
  });

  it('ranks by skills, endorsements, answers and posts, and says why', async () => {
    const alice = await colleague('Alice Kube');
    const bruno = await colleague('Bruno Répond');
    const chloe = await colleague('Chloé Demande');
    const damien = await colleague('Damien Déclare');
    const elsa = await colleague('Elsa Commente');
    // Alice: a skill endorsed three times, 5 + 3 × 2 = 11.
    await setSkills(alice, ['Kubernetes', 'Cuisine']);
    await endorse(fans.slice(0, 3), alice, 'kubernetes');
    await endorse(fans.slice(0, 3), alice, 'cuisine');
    // Damien: the skill, no endorsement: 5.
    await setSkills(damien, ['kubernetes']);
    // Chloé asks (a post: 1); Bruno's answer is accepted (7) and he posted once more (1): 8.
    // Elsa replied to the answer (a comment, not an answer: 1) and answered (3): 4.
    const q = await ask(chloe.client, space.id, 'Comment déboguer un pod Kubernetes ?');
    const a = await answer(bruno.client, q.id, 'Avec kubectl describe, Kubernetes dit tout.');
    await answer(elsa.client, q.id, 'Merci, Kubernetes est parfois bavard.', a.id);
    await answer(elsa.client, q.id, 'Regarde aussi les événements Kubernetes.');
    expect(
      (await chloe.client.call(api.acceptAnswer, { params: { id: q.id }, body: { commentId: a.id } })).status,
    ).toBe(200);
    await post(bruno.client, space.id, 'Mes notes sur Kubernetes en production');

    const items = await whoKnows('kubernetes');
    expect(names(items)).toEqual([
      'Alice Kube',
      'Bruno Répond',
      'Damien Déclare',
      'Elsa Commente',
      'Chloé Demande',
    ]);
    const why = (i: ExpertiseMatch) => ({
      skills: i.skills,
      answers: i.answers,
      acceptedAnswers: i.acceptedAnswers,
      posts: i.posts,
    });
    expect(items.map(why)).toEqual([
      { skills: [{ name: 'Kubernetes', endorsements: 3 }], answers: 0, acceptedAnswers: 0, posts: 0 },
      { skills: [], answers: 1, acceptedAnswers: 1, posts: 1 },
      { skills: [{ name: 'kubernetes', endorsements: 0 }], answers: 0, acceptedAnswers: 0, posts: 0 },
      { skills: [], answers: 1, acceptedAnswers: 0, posts: 1 },
      { skills: [], answers: 0, acceptedAnswers: 0, posts: 1 },
    ]);
    expect(items[0]?.person).toMatchObject({
      id: alice.id,
      handle: alice.handle,
      department: null,
      site: null,
    });

    // Endorsements move the ranking: Damien, endorsed four times, now passes Alice (13 > 11).
    await endorse(fans, damien, 'kubernetes');
    expect(names(await whoKnows('Kubernetes')).slice(0, 2)).toEqual(['Damien Déclare', 'Alice Kube']);
    // A subject of several words means all of them.
    expect(names(await whoKnows('kubernetes cuisine'))).toEqual([]);
    expect(names(await whoKnows('kubectl'))).toEqual(['Bruno Répond']);

    const blank = await reader.client.call(api.whoKnows, { query: { q: '  ' } });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details.issues[0].field).toBe('q');
  });

  it('filters by department and site, and shows them, so the ranking reads across departments', async () => {
    const paris = await colleague('Paula Plateforme');
    const lyon = await colleague('Luc Support');
    const nowhere = await colleague('Nina Nulle-part');
    const place = async (who: Person, department: string, site: string) => {
      const res = await admin.call(api.updateOrganisation, {
        params: { id: who.id },
        body: { department, site },
      });
      expect(res.status, res.text).toBe(200);
      return res.body as { department: { id: string; name: string }; site: { id: string; name: string } };
    };
    const p = await place(paris, 'Plateforme', 'Paris');
    const l = await place(lyon, 'Support', 'Lyon');
    await setSkills(paris, ['Observabilité']);
    await post(lyon.client, space.id, 'Notre observabilité : des tableaux de bord partout.');
    await setSkills(nowhere, ['Observabilité']);

    const all = await whoKnows('observabilité');
    // Two declared skills (5 each, in either order), then one post (1).
    expect(names(all).slice(0, 2).sort()).toEqual(['Nina Nulle-part', 'Paula Plateforme']);
    expect(all.find((i) => i.person.id === paris.id)?.person).toMatchObject({
      department: p.department,
      site: p.site,
    });
    expect(all.find((i) => i.person.id === lyon.id)?.person).toMatchObject({
      department: l.department,
      site: l.site,
    });
    expect(names(all).at(-1)).toBe('Luc Support');

    expect(names(await whoKnows('observabilité', { departmentId: p.department.id }))).toEqual([
      'Paula Plateforme',
    ]);
    expect(names(await whoKnows('observabilité', { siteId: l.site.id }))).toEqual(['Luc Support']);
    expect(
      names(await whoKnows('observabilité', { departmentId: p.department.id, siteId: l.site.id })),
    ).toEqual([]);
    const bad = await reader.client.call(api.whoKnows, {
      query: { q: 'observabilité', departmentId: 'paris' },
    });
    expect(bad.status).toBe(400);
  });

  it('ranks at most 20 people', async () => {
    // Declared directly (the skills API is tested above): 25 people with one skill each.
    for (let i = 0; i < 25; i++) {
      const user = await buildUser(t.server, { name: `Quentin Quantique ${i}` });
      await t.server.ctx.db
        .insertInto('user_skills')
        .values({
          user_id: user.id,
          key: 'quantique',
          name: 'Quantique',
          position: 0,
          created_at: new Date(),
        })
        .execute();
    }
    const items = await whoKnows('quantique');
    expect(items).toHaveLength(20);
    expect(items.every((i) => i.skills[0]?.name === 'Quantique')).toBe(true);
  });

  it('matches a short subject like "Go" by a skill’s exact name', async () => {
    const gopher = await colleague('Gaël Gopher');
    const golang = await colleague('Gilles Golang');
    const writer = await colleague('Greta Go');
    await setSkills(gopher, ['Go', 'R']);
    await setSkills(golang, ['Golang', 'Google Cloud']);
    await post(writer.client, space.id, 'On y go ? Go go go !');
    expect(names(await whoKnows('Go'))).toEqual(['Gaël Gopher']);
    expect(names(await whoKnows(' go '))).toEqual(['Gaël Gopher']);
    expect(names(await whoKnows('r'))).toEqual(['Gaël Gopher']);
    expect(names(await whoKnows('golang'))).toEqual(['Gilles Golang']);
  });

  it('matches words by French or English stem, whatever their accents or case', async () => {
    const sec = await colleague('Hugo Sécurité');
    const ml = await colleague('Inès Apprentissage');
    const writer = await colleague('Jade Conteneurs');
    await setSkills(sec, ['Sécurité des réseaux']);
    await setSkills(ml, ['Machine learning']);
    await post(writer.client, space.id, 'Nous déployons nos conteneurs chaque matin.');
    await post(writer.client, space.id, 'Testing our deployments before lunch.');

    for (const q of ['securite reseau', 'SÉCURITÉ', 'réseaux', 'Securité Réseaux']) {
      expect({ q, found: names(await whoKnows(q)) }).toEqual({ q, found: ['Hugo Sécurité'] });
    }
    for (const q of ['machines', 'learning', 'Machine Learning']) {
      expect({ q, found: names(await whoKnows(q)) }).toEqual({ q, found: ['Inès Apprentissage'] });
    }
    for (const q of ['conteneur', 'déployer', 'deployment', 'tested']) {
      expect({ q, found: names(await whoKnows(q)) }).toEqual({ q, found: ['Jade Conteneurs'] });
    }
  });

  it('leaves deactivated people and guests out', async () => {
    const gone = await colleague('Karl Parti');
    const stays = await colleague('Léa Reste');
    const guest = await person(t.server, { name: 'Gustave Invité', role: 'guest' });
    await setSkills(gone, ['Terraform']);
    await endorse(fans.slice(0, 2), gone, 'terraform');
    await post(gone.client, space.id, 'Terraform : mes modules réutilisables.');
    await setSkills(stays, ['Terraform']);
    await setSkills(guest, ['Terraform']);
    expect(names(await whoKnows('terraform'))).toEqual(['Karl Parti', 'Léa Reste']);
    expect((await admin.call(api.deactivateUser, { params: { id: gone.id } })).status).toBe(200);
    const after = await reader.client.call(api.whoKnows, { query: { q: 'terraform' } });
    expect(names(after.body.items)).toEqual(['Léa Reste']);
    expect(after.text).not.toContain('Karl');
    expect(after.text).not.toContain('Gustave');
  });

  it('suggests for a question someone who only declared the skill and was endorsed on it', async () => {
    const asker = await colleague('Mona Question');
    const declared = await colleague('Noé Photométrie');
    const unendorsed = await colleague('Odile Photométrie');
    const elsewhere = await colleague('Paul Ailleurs');
    await setSkills(declared, ['Photométrie']);
    await endorse(fans.slice(0, 1), declared, 'photometrie');
    await setSkills(unendorsed, ['photométrie']);
    await setSkills(elsewhere, ['Photométrie']);
    // Asked where Paul is not a member: he may not read it, so he is not suggested.
    const team = await makeSpace(t.server, {
      visibility: 'private',
      owner: asker,
      members: [declared, unendorsed, fans[0]!],
    });
    const q = await ask(asker.client, team.id, 'Qui maîtrise la photométrie ?');
    const res = await asker.client.call(api.suggestExperts, { params: { id: q.id } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.items).toEqual([
      {
        person: expect.objectContaining({ id: declared.id, name: 'Noé Photométrie' }),
        skills: [{ name: 'Photométrie', endorsements: 1 }],
        answers: 0,
        acceptedAnswers: 0,
        posts: 0,
        asked: false,
      },
      {
        person: expect.objectContaining({ id: unendorsed.id }),
        skills: [{ name: 'photométrie', endorsements: 0 }],
        answers: 0,
        acceptedAnswers: 0,
        posts: 0,
        asked: false,
      },
    ]);
    // A tag names a skill whole, however short: a question tagged #go finds the Go people.
    const gopher = await colleague('Gwen Gopher');
    await setSkills(gopher, ['Go']);
    await addMember(t.server, team.id, gopher);
    const tagged = await ask(
      asker.client,
      team.id,
      'Quel framework web choisir ?',
      'Pour le back-office #go',
    );
    const forTag = await asker.client.call(api.suggestExperts, { params: { id: tagged.id } });
    expect(forTag.body.items.map((e: { person: { id: string } }) => e.person.id)).toContain(gopher.id);
    // The asker is not suggested to themselves, even with the skill.
    await setSkills(asker, ['Photométrie']);
    const again = await asker.client.call(api.suggestExperts, { params: { id: q.id } });
    expect(again.body.items.map((e: { person: { id: string } }) => e.person.id)).toEqual([
      declared.id,
      unendorsed.id,
    ]);
  });
});
