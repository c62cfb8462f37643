// What a guest of an external space can learn, on every read path: each place holds a
// unique canary word, and a guest of E must never receive those of F, of an internal
// space or of colleagues' profiles — nor colleagues' contact details — while a member
// sees what is theirs.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { caughtUp } from '../../server/platform/transaction.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, type Person, person, post } from '../helpers/stream-fixtures.ts';

const CANARY = {
  e: 'quokkaexterne',
  f: 'wombatfournisseur',
  internal: 'narvalinterne',
  profile: 'lamaprofil',
  phone: '+33 6 11 22 33 44',
  about: 'tapirconfidentiel',
};

describe('external spaces: what guests see', () => {
  const t = useServer({ worker: false });
  let guestE: Person;
  let guestF: Person;
  let member: Person;
  let ownerE: Person;
  let outsider: Person;

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    ownerE = await person(t.server, { name: 'Émile Owner' });
    member = await person(t.server, { name: 'Marthe Member' });
    outsider = await person(t.server, { name: 'Oscar Elsewhere' });
    guestE = await person(t.server, { role: 'guest', name: 'Gaëlle GuestE' });
    guestF = await person(t.server, { role: 'guest', name: 'Fabien GuestF' });
    const e = await makeSpace(t.server, {
      visibility: 'private',
      external: true,
      owner: ownerE,
      members: [member, guestE],
      name: 'Client E',
    });
    const f = await makeSpace(t.server, {
      visibility: 'private',
      external: true,
      owner: outsider,
      members: [member, guestF],
      name: 'Client F',
    });
    const internal = await makeSpace(t.server, { visibility: 'open', owner: member, name: 'Interne' });
    await post(ownerE.client, e.id, `Plan ${CANARY.e} #livraison`);
    await post(outsider.client, f.id, `Plan ${CANARY.f} #livraison`);
    await post(member.client, internal.id, `Plan ${CANARY.internal} #livraison`);
    await post(member.client, null, `Profil ${CANARY.profile} #livraison`);
    await t.server.ctx.db
      .updateTable('users')
      .set({ phone: CANARY.phone, about: CANARY.about, job_title: 'Chef de projet' })
      .where('id', 'in', [ownerE.id, outsider.id])
      .execute();
    await caughtUp(t.server.ctx);
  });

  /** Every read path a guest could try, as one text to look for canaries in. */
  async function everything(who: Person): Promise<string> {
    const c = who.client;
    const bodies = await Promise.all([
      c.call(api.homeFeed),
      c.call(api.tagFeed, { params: { tag: 'livraison' } }),
      c.call(api.bookmarks),
      c.call(api.listSpaces, { query: { filter: 'all', limit: 100 } }),
      c.call(api.listNotifications),
      c.call(api.listPeople),
      c.call(api.mentionSuggestions, { query: { q: 'o' } }),
      c.call(api.getPerson, { params: { id: outsider.id } }),
      c.call(api.getPerson, { params: { id: ownerE.id } }),
      c.call(api.profileFeed, { params: { id: outsider.id } }),
      c.call(api.profileFeed, { params: { id: member.id } }),
      ...Object.values(CANARY).map((q) => c.call(api.search, { query: { q } })),
    ]);
    return bodies.map((r) => JSON.stringify(r.body)).join('\n');
  }

  it('gives a guest of E only E: its posts and the cards of its people', async () => {
    const seen = await everything(guestE);
    expect(seen).toContain(CANARY.e);
    for (const canary of [CANARY.f, CANARY.internal, CANARY.profile, CANARY.phone, CANARY.about]) {
      expect(seen, canary).not.toContain(canary);
    }
    expect(seen).not.toContain(outsider.email);
    expect(seen).not.toContain(ownerE.email);
  });

  it('gives a guest of F only F', async () => {
    const seen = await everything(guestF);
    expect(seen).toContain(CANARY.f);
    for (const canary of [CANARY.e, CANARY.internal, CANARY.profile, CANARY.phone, CANARY.about]) {
      expect(seen, canary).not.toContain(canary);
    }
  });

  it('lets a member see what is theirs and colleagues in full', async () => {
    const seen = await everything(member);
    for (const canary of [CANARY.e, CANARY.f, CANARY.internal, CANARY.profile, CANARY.phone, CANARY.about]) {
      expect(seen, canary).toContain(canary);
    }
  });

  it('answers a guest as if others did not exist: no directory, no profile outside their spaces', async () => {
    expect((await guestE.client.call(api.listPeople)).status).toBe(403);
    expect((await guestE.client.call(api.getPerson, { params: { id: outsider.id } })).status).toBe(404);
    expect((await guestE.client.call(api.personPhoto, { params: { id: outsider.id } })).status).toBe(404);
    expect((await guestE.client.call(api.getPerson, { params: { id: guestF.id } })).status).toBe(404);
    const card = await guestE.client.call(api.getPerson, { params: { id: ownerE.id } });
    expect(card.status).toBe(200);
    expect(card.body).toMatchObject({
      person: { name: 'Émile Owner', jobTitle: 'Chef de projet', email: '', department: null, site: null },
      phone: null,
      about: null,
      manager: null,
      skills: [],
    });
    const mentions = await guestE.client.call(api.mentionSuggestions, { query: { q: 'oscar' } });
    expect(mentions.body.people).toEqual([]);
  });
});
