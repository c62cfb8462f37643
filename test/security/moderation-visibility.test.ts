// What moderation keeps back must stay back on every read path: a post or comment a moderator
// hid, a guest's post or comment waiting for approval (pre-moderation), and a post held by a
// content rule. Each carries a unique word (a canary); every other reader walks the feeds,
// the post page, the comments, the tag page, bookmarks, search (results and counts),
// notifications, profile feeds and the WebSocket, and the raw answers must not contain a
// canary. The author sees their own content marked held, the space's moderators see it in
// their case or approval list, and once restored or approved it shows as usual.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { type LiveClient, openLive } from '../helpers/live.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, notificationsOf, type Person, person, post } from '../helpers/stream-fixtures.ts';

const TAG = 'modcheck';

describe('moderation visibility', () => {
  const t = useServer({ worker: false });
  let admin: Person;
  let owner: Person;
  let author: Person;
  let reader: Person;
  let colleague: Person;
  let guest: Person;
  let openSpace: { id: string; slug: string };
  let external: { id: string; slug: string };
  let live: LiveClient;

  /** The held things, by canary. */
  const held = {} as {
    hiddenPost: { id: string; caseId: string };
    hiddenComment: { id: string; caseId: string; postId: string };
    guestPost: { id: string };
    guestComment: { id: string; postId: string };
    rulePost: { id: string };
  };
  const CANARIES = ['zqxhiddenpost', 'zqxhiddencomment', 'zqxguestpost', 'zqxguestcomment', 'zqxrulepost'];

  const report = (who: Person, targetType: string, targetId: string) =>
    who.client.call(api.createReport, { body: { targetType, targetId, reason: 'inappropriate' } as never });
  const act = (who: Person, caseId: string, action: string) =>
    who.client.call(api.actOnCase, { params: { id: caseId }, body: { action, note: '' } as never });

  beforeAll(async () => {
    const org = await setUpOrganisation(t.server);
    admin = { ...org.admin, client: org.client, handle: '' };
    owner = await person(t.server);
    author = await person(t.server);
    reader = await person(t.server);
    colleague = await person(t.server);
    guest = await person(t.server, { role: 'guest' });
    openSpace = await makeSpace(t.server, { visibility: 'open', owner, members: [author, reader] });
    external = await makeSpace(t.server, {
      visibility: 'private',
      external: true,
      owner,
      members: [author, reader, guest],
    });
    for (const who of [reader, colleague, admin]) {
      await who.client.call(api.followPerson, { params: { id: author.id } });
      await who.client.call(api.followTag, { params: { tag: TAG } });
    }
    await reader.client.call(api.followPerson, { params: { id: guest.id } });
    live = await openLive(reader.client);

    // Hidden by a moderator, after the reader bookmarked it.
    const hp = await post(author.client, openSpace.id, `Rumeur zqxhiddenpost #${TAG}`);
    await reader.client.call(api.bookmarkPost, { params: { id: hp.id } });
    const hpCase = await report(reader, 'post', hp.id);
    expect(hpCase.status, hpCase.text).toBe(201);
    expect((await act(owner, hpCase.body.caseId, 'hide')).status).toBe(200);
    held.hiddenPost = { id: hp.id, caseId: hpCase.body.caseId };

    const thread = await post(author.client, openSpace.id, `Open thread #${TAG}`);
    const hc = await author.client.call(api.createComment, {
      params: { id: thread.id },
      body: { body: 'Insulte zqxhiddencomment' },
    });
    expect(hc.status, hc.text).toBe(201);
    const hcCase = await report(reader, 'comment', hc.body.id);
    expect((await act(owner, hcCase.body.caseId, 'hide')).status).toBe(200);
    held.hiddenComment = { id: hc.body.id, caseId: hcCase.body.caseId, postId: thread.id };

    // A guest's post and comment, held by the space's pre-moderation; both mention the reader.
    const set = await owner.client.call(api.setSpacePremoderation, {
      params: { space: external.slug },
      body: { premoderateGuests: true },
    });
    expect(set.status, set.text).toBe(200);
    const gp = await post(guest.client, external.id, `Question zqxguestpost @${reader.handle} #${TAG}`);
    expect(gp.held).toBe('pending');
    held.guestPost = { id: gp.id };
    const extThread = await post(author.client, external.id, `Welcome partners #${TAG}`);
    const gc = await guest.client.call(api.createComment, {
      params: { id: extThread.id },
      body: { body: `Merci zqxguestcomment @${reader.handle}` },
    });
    expect(gc.status, gc.text).toBe(201);
    expect(gc.body.held).toBe('pending');
    held.guestComment = { id: gc.body.id, postId: extThread.id };

    // Held by a content rule of the open space.
    const rule = await admin.client.call(api.createContentRule, {
      body: { term: 'zqxholdword', action: 'hold', note: '', spaceId: openSpace.id },
    });
    expect(rule.status, rule.text).toBe(201);
    const rp = await post(
      author.client,
      openSpace.id,
      `Note zqxrulepost zqxholdword @${reader.handle} #${TAG}`,
    );
    expect(rp.held).toBe('pending');
    held.rulePost = { id: rp.id };
  });

  /** Every read path of `who`, as raw response texts with a label. */
  async function everything(who: Person): Promise<[string, string][]> {
    const c = who.client;
    const out: [string, string][] = [];
    const add = async (label: string, res: Promise<{ status: number; text: string }>) => {
      const r = await res;
      expect(r.status, `${label}: ${r.text}`).toBeLessThan(500);
      out.push([label, r.text]);
    };
    await add('home', c.call(api.homeFeed, { query: { limit: 50 } }));
    await add('open space', c.call(api.spaceFeed, { params: { space: openSpace.slug } }));
    await add('external space', c.call(api.spaceFeed, { params: { space: external.slug } }));
    await add('tag', c.call(api.tagFeed, { params: { tag: TAG }, query: { limit: 50 } }));
    await add('bookmarks', c.call(api.bookmarks, { query: { limit: 50 } }));
    await add('author profile', c.call(api.profileFeed, { params: { id: author.id }, query: { limit: 50 } }));
    await add('guest profile', c.call(api.profileFeed, { params: { id: guest.id }, query: { limit: 50 } }));
    await add(
      'colleague profile',
      c.call(api.profileFeed, { params: { id: colleague.id }, query: { limit: 50 } }),
    );
    await add('notifications', c.call(api.listNotifications, { query: {} }));
    for (const id of [held.hiddenPost.id, held.guestPost.id, held.rulePost.id]) {
      await add(`post ${id}`, c.call(api.getPost, { params: { id } }));
      await add(`comments ${id}`, c.call(api.listComments, { params: { id } }));
    }
    for (const id of [held.hiddenComment.postId, held.guestComment.postId]) {
      await add(`thread ${id}`, c.call(api.getPost, { params: { id } }));
      await add(`thread comments ${id}`, c.call(api.listComments, { params: { id } }));
    }
    for (const q of [...CANARIES, 'zqx']) {
      for (const sort of ['recent', 'relevance'])
        await add(`search ${q} ${sort}`, c.call(api.search, { query: { q, sort } }));
    }
    return out;
  }

  function leaks(texts: [string, string][], canaries: string[]) {
    return texts.flatMap(([label, text]) =>
      canaries.filter((k) => text.includes(k)).map((k) => `${label}: ${k}`),
    );
  }

  it('keeps hidden and held content from every other reader, on every read path', async () => {
    for (const who of [reader, colleague, admin, owner]) {
      // The owner moderates the spaces but reads like anyone else outside the queues.
      expect({ who: who.id, leaks: leaks(await everything(who), CANARIES) }).toEqual({
        who: who.id,
        leaks: [],
      });
    }
    // Search counts nothing either.
    for (const q of CANARIES) {
      const res = await reader.client.call(api.search, { query: { q } });
      const counted = Object.values((res.body.counts ?? {}) as Record<string, number>).reduce(
        (a, b) => a + b,
        0,
      );
      expect({ q, counted, items: res.body.items.length }).toEqual({ q, counted: 0, items: 0 });
    }
    // Direct reads are 404, as for a post that does not exist.
    for (const id of [held.hiddenPost.id, held.guestPost.id, held.rulePost.id]) {
      expect((await reader.client.call(api.getPost, { params: { id } })).status).toBe(404);
    }
  });

  it('notifies nobody of a mention in held content', async () => {
    const heldIds = [held.guestPost.id, held.rulePost.id, held.hiddenPost.id];
    const mine = await notificationsOf(t.server, reader.id);
    expect(
      mine.filter((n) => heldIds.includes(n.post_id ?? '') || n.comment_id === held.guestComment.id),
    ).toEqual([]);
  });

  it('sends no WebSocket event about content waiting for approval', async () => {
    // A sentinel posted after the held content: once its event arrived, any earlier one would have too.
    const sentinel = await post(author.client, external.id, 'Sentinel');
    await live.next((m) => m.type === 'post' && m.postId === sentinel.id);
    const about = live.messages.filter(
      (m) =>
        ('postId' in m && (m.postId === held.guestPost.id || m.postId === held.rulePost.id)) ||
        ('commentId' in m && m.commentId === held.guestComment.id),
    );
    expect(about).toEqual([]);
    expect(JSON.stringify(live.messages)).not.toMatch(/zqx/);
  });

  it('shows the author their own held content, marked held', async () => {
    const mine = await author.client.call(api.getPost, { params: { id: held.hiddenPost.id } });
    expect(mine.body.held).toBe('hidden');
    expect((await author.client.call(api.getPost, { params: { id: held.rulePost.id } })).body.held).toBe(
      'pending',
    );
    expect((await guest.client.call(api.getPost, { params: { id: held.guestPost.id } })).body.held).toBe(
      'pending',
    );
    const comments = await guest.client.call(api.listComments, { params: { id: held.guestComment.postId } });
    expect(comments.body.items.find((c: { id: string }) => c.id === held.guestComment.id)?.held).toBe(
      'pending',
    );
    const hidden = await author.client.call(api.listComments, { params: { id: held.hiddenComment.postId } });
    expect(hidden.body.items.find((c: { id: string }) => c.id === held.hiddenComment.id)?.held).toBe(
      'hidden',
    );
    // …and to nobody else, the held author of one thing included for another's.
    expect(leaks(await everything(guest), ['zqxhiddenpost', 'zqxhiddencomment', 'zqxrulepost'])).toEqual([]);
  });

  it('shows the space moderators the cases and the approval list', async () => {
    const pending = await owner.client.call(api.listPending, { query: {} });
    expect(pending.status).toBe(200);
    const bodies = pending.text;
    for (const k of ['zqxguestpost', 'zqxguestcomment', 'zqxrulepost']) expect(bodies).toContain(k);
    expect((await owner.client.call(api.getCase, { params: { id: held.hiddenPost.caseId } })).text).toContain(
      'zqxhiddenpost',
    );
    expect(
      (await owner.client.call(api.getCase, { params: { id: held.hiddenComment.caseId } })).text,
    ).toContain('zqxhiddencomment');
    // Not to the other members.
    expect((await reader.client.call(api.listPending, { query: {} })).text).not.toMatch(/zqx/);
    expect((await reader.client.call(api.getCase, { params: { id: held.hiddenPost.caseId } })).status).toBe(
      404,
    );
  });

  it('lets nobody react to a hidden comment', async () => {
    for (const id of [held.hiddenComment.id, held.guestComment.id]) {
      const res = await reader.client.call(api.reactToComment, { params: { id }, body: { kind: 'like' } });
      expect({ id, status: res.status }).toEqual({ id, status: 404 });
    }
  });

  it('leaves hidden and held comments out of a thread saved as a knowledge page', async () => {
    for (const postId of [held.hiddenComment.postId, held.guestComment.postId]) {
      const page = await owner.client.call(api.saveToKnowledge, { params: { id: postId }, body: {} });
      expect(page.status, page.text).toBe(201);
      expect(page.text).not.toMatch(/zqxhiddencomment|zqxguestcomment/);
      const seen = await reader.client.call(api.getPage, { params: { id: page.body.id } });
      expect(seen.status).toBe(200);
      expect(seen.text).not.toMatch(/zqx/);
    }
  });

  it('shows restored and approved content as usual, and the mentions fire then', async () => {
    expect((await act(owner, held.hiddenPost.caseId, 'restore')).status).toBe(200);
    expect((await act(owner, held.hiddenComment.caseId, 'restore')).status).toBe(200);
    for (const id of [held.guestPost.id, held.guestComment.id, held.rulePost.id]) {
      const ok = await owner.client.call(api.decidePending, {
        params: { id },
        body: { decision: 'approve', note: '' },
      });
      expect(ok.status, ok.text).toBe(204);
    }
    const texts = await everything(reader);
    const find = (label: string) => texts.find(([l]) => l === label)?.[1] ?? '';
    for (const k of ['zqxhiddenpost', 'zqxguestpost', 'zqxrulepost']) {
      expect({ k, tag: find('tag').includes(k) }).toEqual({ k, tag: true });
      expect({ k, search: find(`search ${k} recent`).includes(k) }).toEqual({ k, search: true });
    }
    expect(find('bookmarks')).toContain('zqxhiddenpost');
    expect(find(`thread comments ${held.hiddenComment.postId}`)).toContain('zqxhiddencomment');
    expect(find(`thread comments ${held.guestComment.postId}`)).toContain('zqxguestcomment');
    expect(find('search zqxguestcomment recent')).toContain('zqxguestcomment');
    const mentions = (await notificationsOf(t.server, reader.id)).filter((n) => n.kind === 'mention');
    expect(mentions.map((n) => n.post_id)).toEqual(
      expect.arrayContaining([held.guestPost.id, held.rulePost.id, held.guestComment.postId]),
    );
    await live.next((m) => m.type === 'post' && m.postId === held.guestPost.id);
    live.close();
  });
});
