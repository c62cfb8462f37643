// Demoting a colleague to guest takes away what only colleagues see — open spaces, the
// organisation's profile posts, the directory — at their next request, and on their open
// WebSocket within a second. (Removal from a space and deactivation: test/api/live.test.ts
// and test/security/sessions.test.ts.)
import { describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { openLive } from '../helpers/live.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, type Person, person, post } from '../helpers/stream-fixtures.ts';

describe('revocation by demotion to guest', () => {
  const t = useServer({ worker: false });

  it('stops HTTP access at the next request and live events within a second', async () => {
    const org = await setUpOrganisation(t.server);
    const admin: Person = { ...org.admin, client: org.client, handle: '' };
    const author = await person(t.server);
    const demoted = await person(t.server);
    const open = await makeSpace(t.server, { visibility: 'open', owner: author });
    const openPost = await post(author.client, open.id, 'Annonce qzopenbefore');
    const profilePost = await post(author.client, null, 'Sur mon profil qzprofilebefore');

    expect((await demoted.client.call(api.getPost, { params: { id: openPost.id } })).status).toBe(200);
    expect((await demoted.client.call(api.getPost, { params: { id: profilePost.id } })).status).toBe(200);
    const own = await makeSpace(t.server, { visibility: 'private', owner: author, members: [demoted] });
    const live = await openLive(demoted.client);
    const warm = await post(author.client, null, 'Encore qzprofilewarm');
    await live.next((m) => m.type === 'post' && m.postId === warm.id, 2000);

    const changed = await admin.client.call(api.changeRole, {
      params: { id: demoted.id },
      body: { role: 'guest' },
    });
    expect(changed.status, changed.text).toBe(200);
    const demotedAt = Date.now();

    // HTTP: the very next requests.
    for (const id of [openPost.id, profilePost.id, warm.id]) {
      const res = await demoted.client.call(api.getPost, { params: { id } });
      expect([id, res.status]).toEqual([id, 404]);
    }
    const feed = await demoted.client.call(api.spaceFeed, { params: { space: open.id } });
    expect([403, 404]).toContain(feed.status);
    expect(feed.text).not.toContain('qzopen');
    const people = await demoted.client.call(api.listPeople);
    expect(people.text).not.toContain(author.name);

    // WebSocket: nothing more about the open space or colleagues' profiles after a second.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (Date.now() - demotedAt))));
    const seen = live.messages.length;
    const after = await post(author.client, open.id, 'Après qzopenafter');
    const afterProfile = await post(author.client, null, 'Après qzprofileafter');
    await author.client.call(api.reactToPost, { params: { id: openPost.id }, body: { kind: 'like' } });
    // A post in a space the guest still belongs to, after the others: once it arrives,
    // anything about them would have too.
    const marker = await post(author.client, own.id, 'Repère');
    await live.next((m) => m.type === 'post' && m.postId === marker.id, 2000);
    const leaked = live.messages
      .slice(seen)
      .filter((m) => 'postId' in m && [after.id, afterProfile.id, openPost.id].includes(m.postId));
    expect(leaked).toEqual([]);
    live.close();
  });
});
