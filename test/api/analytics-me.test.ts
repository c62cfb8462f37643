// Whether the signed-in person may open Analytics, in their own payload (`Me.readsAnalytics`:
// GET /me, the session, the sign-in answer), by the analytics policy's rule — administrators,
// analysts, owners of at least one space; never guests — so the web's menu needs no request
// that most people would see refused. The analytics routes still check for themselves.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import type { TestClient } from '../helpers/client.ts';
import { PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, type Person, person } from '../helpers/stream-fixtures.ts';

describe('Me.readsAnalytics', () => {
  const t = useServer({ worker: false });
  let admin: TestClient;
  let analyst: Person;
  let owner: Person;
  let member: Person;
  let guest: Person;

  /** What each of the three payloads says for this client. */
  const said = async (client: TestClient) => {
    const [me, session] = await Promise.all([client.call(api.getMe), client.call(api.getSession)]);
    expect(me.status, me.text).toBe(200);
    expect(session.body.user?.readsAnalytics).toBe(me.body.readsAnalytics);
    return me.body.readsAnalytics as boolean;
  };

  beforeAll(async () => {
    admin = (await setUpOrganisation(t.server)).client;
    analyst = await person(t.server, { name: 'Ana Lyste' });
    owner = await person(t.server, { name: 'Olga Owner' });
    member = await person(t.server, { name: 'Marc Member' });
    guest = await person(t.server, { role: 'guest', name: 'Gil Guest' });
    await makeSpace(t.server, { visibility: 'open', owner, members: [member], name: 'Atelier Olga' });
    // A guest who owns a space still reads no analytics.
    await makeSpace(t.server, {
      visibility: 'private',
      owner: guest,
      members: [member],
      external: true,
      name: 'Partenaires',
    });
    const granted = await admin.call(api.setAnalyst, { params: { id: analyst.id }, body: { analyst: true } });
    expect(granted.status, granted.text).toBe(204);
  });

  it('is true for an administrator, an analyst and a space owner, false for a plain member and a guest', async () => {
    expect(await said(admin)).toBe(true);
    expect(await said(analyst.client)).toBe(true);
    expect(await said(owner.client)).toBe(true);
    expect(await said(member.client)).toBe(false);
    expect(await said(guest.client)).toBe(false);
  });

  it('says what the analytics routes answer, which still check every request', async () => {
    for (const [who, reads] of [
      [admin, true],
      [analyst.client, true],
      [owner.client, true],
      [member.client, false],
      [guest.client, false],
    ] as const) {
      const scope = await who.call(api.getAnalyticsScope);
      expect(scope.status, scope.text).toBe(reads ? 200 : 403);
      const ideas = await who.call(api.getDashboard, { params: { name: 'ideas' } });
      expect(ideas.status, ideas.text).toBe(reads ? 200 : 403);
    }
  });

  it('comes with the sign-in answer and with a change of one’s own name or language', async () => {
    const signedIn = await t.server.client().call(api.signIn, {
      body: { email: owner.email, password: PASSWORD },
    });
    expect(signedIn.status, signedIn.text).toBe(200);
    expect(signedIn.body.readsAnalytics).toBe(true);
    const memberSignedIn = await t.server.client().call(api.signIn, {
      body: { email: member.email, password: PASSWORD },
    });
    expect(memberSignedIn.body.readsAnalytics).toBe(false);

    const renamed = await owner.client.call(api.updateMe, { body: { locale: 'fr' } });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body.readsAnalytics).toBe(true);
    expect((await member.client.call(api.updateMe, { body: { locale: 'fr' } })).body.readsAnalytics).toBe(
      false,
    );
  });

  it('follows the database at once: a withdrawn grant, a first space of one’s own', async () => {
    const someone = await person(t.server, { name: 'Sam Someone' });
    expect(await said(someone.client)).toBe(false);

    // Creating a space makes its creator the owner: the next payload offers Analytics.
    const space = await someone.client.call(api.createSpace, {
      body: { name: 'Club lecture', type: 'community', visibility: 'open' },
    });
    expect(space.status, space.text).toBe(201);
    expect(await said(someone.client)).toBe(true);

    const withdrawn = await admin.call(api.setAnalyst, {
      params: { id: analyst.id },
      body: { analyst: false },
    });
    expect(withdrawn.status, withdrawn.text).toBe(204);
    expect(await said(analyst.client)).toBe(false);
    expect((await analyst.client.call(api.getAnalyticsScope)).status).toBe(403);

    // A guest stays out whatever grant the database holds (the policy reads the role first).
    await t.server.ctx.db.updateTable('users').set({ analyst: true }).where('id', '=', guest.id).execute();
    expect(await said(guest.client)).toBe(false);
  });
});
