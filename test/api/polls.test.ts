// Polls: single or multiple choice, results hidden until the viewer voted or the poll
// closed, a new vote replaces the earlier one, counts exact.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { HOUR } from '../../server/platform/clock.ts';
import { newId } from '../../server/platform/ids.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, type Person, person, post } from '../helpers/stream-fixtures.ts';

describe('poll endpoints', () => {
  const t = useServer({ worker: false });

  let author: Person;
  let alice: Person;
  let bob: Person;
  let outsider: Person;
  let space: { id: string };

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    author = await person(t.server);
    alice = await person(t.server);
    bob = await person(t.server);
    outsider = await person(t.server);
    space = await makeSpace(t.server, { visibility: 'private', owner: author, members: [alice, bob] });
  });

  const vote = (who: Person, id: string, optionIds: string[]) =>
    who.client.call(api.votePoll, { params: { id }, body: { optionIds } });

  describe('polls', () => {
    it('hide results until the viewer has voted', async () => {
      const p = await post(author.client, space.id, 'Lunch?', {
        poll: { options: ['Pizza', 'Sushi', 'Salad'] },
      });
      expect(p.poll).toMatchObject({
        multiple: false,
        closesAt: null,
        closed: false,
        voterCount: 0,
        myVotes: [],
      });
      expect(p.poll.options.map((o: { label: string; votes: number | null }) => [o.label, o.votes])).toEqual([
        ['Pizza', null],
        ['Sushi', null],
        ['Salad', null],
      ]);
      const [pizza, sushi] = p.poll.options.map((o: { id: string }) => o.id);
      const voted = await vote(alice, p.id, [sushi]);
      expect(voted.status).toBe(200);
      expect(voted.body.poll).toMatchObject({ voterCount: 1, myVotes: [sushi] });
      expect(voted.body.poll.options.map((o: { votes: number }) => o.votes)).toEqual([0, 1, 0]);
      const notYet = await bob.client.call(api.getPost, { params: { id: p.id } });
      expect(notYet.body.poll.voterCount).toBe(1);
      expect(notYet.body.poll.options.every((o: { votes: number | null }) => o.votes === null)).toBe(true);

      // A new vote replaces the earlier one.
      const changed = await vote(alice, p.id, [pizza]);
      expect(changed.body.poll.voterCount).toBe(1);
      expect(changed.body.poll.options.map((o: { votes: number }) => o.votes)).toEqual([1, 0, 0]);
    });

    it('take exactly one option unless multiple, and only options of this poll', async () => {
      const single = await post(author.client, space.id, 'One', { poll: { options: ['A', 'B'] } });
      const multi = await post(author.client, space.id, 'Many', {
        poll: { options: ['A', 'B', 'C'], multiple: true },
      });
      const [a, b] = single.poll.options.map((o: { id: string }) => o.id);
      const two = await vote(alice, single.id, [a, b]);
      expect(two.status).toBe(400);
      expect(two.body.error.details.issues[0].field).toBe('optionIds');
      const foreign = await vote(alice, single.id, [multi.poll.options[0].id]);
      expect(foreign.status).toBe(400);
      expect(foreign.body.error.details.issues[0].field).toBe('optionIds');
      expect((await vote(alice, single.id, [newId()])).status).toBe(400);

      const [ma, mb, mc] = multi.poll.options.map((o: { id: string }) => o.id);
      const many = await vote(alice, multi.id, [ma, mc]);
      expect(many.body.poll.options.map((o: { votes: number }) => o.votes)).toEqual([1, 0, 1]);
      const other = await vote(bob, multi.id, [mb, mc]);
      expect(other.body.poll).toMatchObject({ voterCount: 2 });
      expect(other.body.poll.options.map((o: { votes: number }) => o.votes)).toEqual([1, 1, 2]);
      const fewer = await vote(alice, multi.id, [mb]);
      expect(fewer.body.poll.voterCount).toBe(2);
      expect(fewer.body.poll.options.map((o: { votes: number }) => o.votes)).toEqual([0, 2, 1]);
    });

    it('close at their closing date: results for all, no more votes', async () => {
      const closesAt = new Date(t.server.clock.now().getTime() + HOUR).toISOString();
      const p = await post(author.client, space.id, 'Until the hour', {
        poll: { options: ['Yes', 'No'], closesAt },
      });
      const [yes] = p.poll.options.map((o: { id: string }) => o.id);
      await vote(alice, p.id, [yes]);
      t.server.clock.advance(HOUR + 1000); // within the sessions' idle time
      const late = await vote(bob, p.id, [yes]);
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe('poll_closed');
      const seen = await bob.client.call(api.getPost, { params: { id: p.id } });
      expect(seen.body.poll).toMatchObject({ closed: true, voterCount: 1, myVotes: [] });
      expect(seen.body.poll.options.map((o: { votes: number }) => o.votes)).toEqual([1, 0]);
    });

    it('refuse a closing date in the past and polls with fewer than two options', async () => {
      const past = new Date(t.server.clock.now().getTime() - 1000).toISOString();
      const res = await author.client.call(api.createPost, {
        body: { spaceId: space.id, body: 'Too late', poll: { options: ['A', 'B'], closesAt: past } },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues[0].field).toBe('poll.closesAt');
      const one = await author.client.call(api.createPost, {
        body: { spaceId: space.id, body: 'One', poll: { options: ['A'] } },
      });
      expect(one.status).toBe(400);
    });

    it('keep exact counts under parallel votes, and refuse people who cannot read the post', async () => {
      const open = await makeSpace(t.server, { visibility: 'open', owner: author });
      const p = await post(author.client, open.id, 'Quick', { poll: { options: ['A', 'B'] } });
      const [a, b] = p.poll.options.map((o: { id: string }) => o.id);
      const people = await Promise.all(Array.from({ length: 12 }, () => person(t.server)));
      await Promise.all(people.map((who, i) => vote(who, p.id, [i % 3 === 0 ? a : b])));
      await Promise.all(people.map((who, i) => (i % 2 === 0 ? vote(who, p.id, [a]) : Promise.resolve())));
      const seen = await people[0]!.client.call(api.getPost, { params: { id: p.id } });
      expect(seen.body.poll.voterCount).toBe(12);
      // Evens all chose A; of the odds (1,3,5,7,9,11), 3 and 9 chose A.
      expect(seen.body.poll.options.map((o: { votes: number }) => o.votes)).toEqual([8, 4]);

      const hidden = await post(author.client, space.id, 'Members', { poll: { options: ['A', 'B'] } });
      expect((await vote(outsider, hidden.id, [hidden.poll.options[0].id])).status).toBe(404);
      const noPoll = await post(author.client, space.id, 'No poll');
      expect((await vote(alice, noPoll.id, [newId()])).status).toBe(404);
    });
  });
});
