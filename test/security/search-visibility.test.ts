// Search must never tell anyone about what they may not read: not as a result, not inside a
// snippet, not as a count. Posts, comments, files, events, knowledge pages, spaces and people are all covered. Each protected thing carries a unique word (a canary); every
// actor searches for every canary, whole and as a prefix, in both orders, and the answer's
// raw text must not contain it unless the visibility rule lets that actor read it.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import type { SearchPage } from '../../common/schemas/search.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, type Person, person, post, removeMember, upload } from '../helpers/stream-fixtures.ts';

type Actor = 'member' | 'colleague' | 'admin' | 'guest' | 'otherGuest';

describe('search visibility', () => {
  const t = useServer({ worker: false });
  const people = {} as Record<Actor | 'author', Person>;
  let privateSpace: { id: string };
  /** canary → the actors who may find it */
  const canaries = new Map<string, Actor[]>();

  beforeAll(async () => {
    const org = await setUpOrganisation(t.server);
    people.admin = { ...org.admin, client: org.client, handle: '' };
    people.author = await person(t.server, { name: 'Zqxauthorname Durand' });
    people.member = await person(t.server);
    people.colleague = await person(t.server);
    people.guest = await person(t.server, { role: 'guest' });
    people.otherGuest = await person(t.server, { role: 'guest' });
    const { author, member, guest } = people;
    privateSpace = await makeSpace(t.server, {
      visibility: 'private',
      owner: author,
      members: [member],
      name: 'Zqxprivatespacename',
    });
    const secret = await makeSpace(t.server, {
      visibility: 'secret',
      owner: author,
      members: [member],
      name: 'Zqxsecretspacename',
    });
    const guests = await makeSpace(t.server, {
      visibility: 'private',
      owner: author,
      members: [member, guest],
    });

    await post(author.client, privateSpace.id, 'Budget zqxprivatepost confidentiel');
    const host = await post(author.client, privateSpace.id, 'Fil privé');
    const comment = await member.client.call(api.createComment, {
      params: { id: host.id },
      body: { body: 'Réponse zqxprivatecomment' },
    });
    expect(comment.status).toBe(201);
    const file = await upload(author.client, 'zqxprivatefile.pdf', Buffer.from('%PDF-1.7\n...'));
    await post(author.client, privateSpace.id, 'Pièce jointe', { attachmentIds: [file.body.id] });
    await post(author.client, secret.id, 'Projet zqxsecretpost');
    const event = await author.client.call(api.createEvent, {
      params: { space: privateSpace.id },
      body: {
        title: 'Revue zqxprivateevent',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 90_000_000).toISOString(),
        timeZone: 'Europe/Paris',
      },
    });
    expect(event.status).toBe(201);
    const page = await author.client.call(api.createPage, {
      params: { space: secret.id },
      body: { title: 'Plan zqxsecretpage', body: 'Confidentiel' },
    });
    expect(page.status).toBe(201);
    await post(author.client, null, 'Sur mon profil zqxcolleagueprofile');
    await post(author.client, guests.id, 'Avec nos partenaires zqxguestspacepost');
    const gone = await person(t.server, { name: 'Zqxdeactivated Person' });
    expect((await people.admin.client.call(api.deactivateUser, { params: { id: gone.id } })).status).toBe(
      200,
    );

    const colleagues: Actor[] = ['member', 'colleague', 'admin'];
    canaries.set('zqxprivatepost', ['member']);
    canaries.set('zqxprivatecomment', ['member']);
    canaries.set('zqxprivatefile', ['member']);
    canaries.set('zqxsecretpost', ['member']);
    canaries.set('zqxprivateevent', ['member']);
    canaries.set('zqxsecretpage', ['member']);
    canaries.set('zqxsecretspacename', ['member']);
    // A private space is listed to colleagues (its name, not its content).
    canaries.set('zqxprivatespacename', colleagues);
    canaries.set('zqxcolleagueprofile', colleagues);
    canaries.set('zqxguestspacepost', ['member', 'guest']);
    // People are the directory's: colleagues only, and only active accounts.
    canaries.set('zqxauthorname', colleagues);
    canaries.set('zqxdeactivated', []);
  });

  async function searchText(actor: Actor, query: Record<string, string>) {
    const res = await people[actor].client.call(api.search, { query });
    expect(res.status, res.text).toBe(200);
    return { text: res.text.toLowerCase(), page: res.body as SearchPage };
  }

  it('finds each canary for exactly the actors who may read it, whole or as a prefix, in both orders', async () => {
    const actors: Actor[] = ['member', 'colleague', 'admin', 'guest', 'otherGuest'];
    for (const [canary, allowed] of canaries) {
      for (const actor of actors) {
        for (const q of [canary, canary.slice(0, 8), `${canary.toUpperCase()}`]) {
          for (const sort of ['recent', 'relevance']) {
            const { text, page } = await searchText(actor, { q, sort });
            const counted = Object.values(page.counts ?? {}).reduce((a, b) => a + b, 0);
            if (allowed.includes(actor) && q !== canary.slice(0, 8)) {
              expect({ canary, actor, q, found: text.includes(canary) }).toEqual({
                canary,
                actor,
                q,
                found: true,
              });
              expect(counted).toBeGreaterThan(0);
            } else if (!allowed.includes(actor)) {
              expect({ canary, actor, q, leaked: text.includes(canary) }).toEqual({
                canary,
                actor,
                q,
                leaked: false,
              });
            }
          }
        }
      }
    }
  });

  it('counts only what the reader may see', async () => {
    // "zqx" prefixes every canary: the counts must add up to what this reader may read.
    for (const actor of ['colleague', 'guest', 'otherGuest'] as Actor[]) {
      const { page } = await searchText(actor, { q: 'zqx', limit: '50' });
      const counted = Object.values(page.counts ?? {}).reduce((a, b) => a + b, 0);
      expect({ actor, counted }).toEqual({ actor, counted: page.items.length });
      const allowed = [...canaries].filter(([, who]) => who.includes(actor)).length;
      expect({ actor, found: page.items.length }).toEqual({ actor, found: allowed });
    }
  });

  it('stops finding a space’s content at the next search after leaving it', async () => {
    const member = people.member;
    expect((await searchText('member', { q: 'zqxprivatepost' })).page.items).toHaveLength(1);
    await removeMember(t.server, privateSpace.id, member);
    const after = await searchText('member', { q: 'zqxprivatepost' });
    expect(after.page.items).toEqual([]);
    expect(after.text).not.toContain('zqxprivatepost');
  });

  it('follows a space turning from open to private', async () => {
    const space = await makeSpace(t.server, { visibility: 'open', owner: people.author });
    await post(people.author.client, space.id, 'Annonce zqxwasopen');
    expect((await searchText('colleague', { q: 'zqxwasopen' })).page.items).toHaveLength(1);
    const changed = await people.author.client.call(api.updateSpace, {
      params: { space: space.id },
      body: { visibility: 'private' },
    });
    expect(changed.status, changed.text).toBe(200);
    expect((await searchText('colleague', { q: 'zqxwasopen' })).text).not.toContain('zqxwasopen');
  });
});
