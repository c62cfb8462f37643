// What the stream tells the real-time layer: one event per change, on the channel of the
// post's space (or its author's profile), only once the change is committed.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import type { LiveEvent } from '../../server/platform/realtime/events.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, type Person, person, post } from '../helpers/stream-fixtures.ts';

describe('live events of the stream', () => {
  const t = useServer({ worker: false });

  let author: Person;
  let member: Person;
  let space: { id: string };

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    author = await person(t.server);
    member = await person(t.server);
    space = await makeSpace(t.server, { visibility: 'private', owner: author, members: [member] });
  });

  async function listen(channel: string) {
    const events: LiveEvent[] = [];
    const stop = await t.server.ctx.bus.subscribe(channel, (e) => events.push(e));
    return { events, stop };
  }

  it('publishes posts, comments, reactions, polls and acknowledgements on the space channel', async () => {
    const { events, stop } = await listen(`space:${space.id}`);
    const p = await post(author.client, space.id, 'Live', {
      poll: { options: ['A', 'B'] },
      isAnnouncement: true,
    });
    const c = await member.client.call(api.createComment, { params: { id: p.id }, body: { body: 'Hi' } });
    await member.client.call(api.reactToPost, { params: { id: p.id }, body: { kind: 'like' } });
    await member.client.call(api.votePoll, {
      params: { id: p.id },
      body: { optionIds: [p.poll.options[0].id] },
    });
    await member.client.call(api.acknowledgePost, { params: { id: p.id } });
    await author.client.call(api.updatePost, { params: { id: p.id }, body: { body: 'Live, edited' } });
    await member.client.call(api.deleteComment, { params: { id: c.body.id } });
    await author.client.call(api.deletePost, { params: { id: p.id } });
    await stop();
    const base = { postId: p.id, spaceId: space.id };
    expect(events).toEqual([
      { type: 'post.created', ...base, authorId: author.id },
      { type: 'comment.created', ...base, commentId: c.body.id },
      { type: 'reactions.changed', ...base },
      { type: 'poll.changed', ...base },
      { type: 'acknowledgements.changed', ...base },
      { type: 'post.updated', ...base, authorId: author.id },
      { type: 'comment.deleted', ...base, commentId: c.body.id },
      { type: 'post.deleted', ...base, authorId: author.id },
    ]);
  });

  it('publishes profile posts on the profiles channel, and nothing for refused writes', async () => {
    const { events, stop } = await listen('profiles');
    const p = await post(author.client, null, 'On my profile');
    const refused = await member.client.call(api.updatePost, {
      params: { id: p.id },
      body: { body: 'Not mine' },
    });
    expect(refused.status).toBe(403);
    await stop();
    expect(events).toEqual([{ type: 'post.created', postId: p.id, spaceId: null, authorId: author.id }]);
  });
});
