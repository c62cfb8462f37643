// Questions and answers: asking (a post with a title), answering, voting, accepting, the list
// by status, and suggested experts — who they may be, and asking them.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import type { Post, PostPage } from '../../common/schemas/stream.ts';
import type { TestClient } from '../helpers/client.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, notificationsOf, type Person, person, post } from '../helpers/stream-fixtures.ts';

async function ask(client: TestClient, spaceId: string | null, title: string, body = 'Des pistes ?') {
  const res = await client.call(api.createPost, { body: { spaceId, title, body } });
  expect(res.status, res.text).toBe(201);
  return res.body as Post;
}
async function answer(client: TestClient, questionId: string, body: string) {
  const res = await client.call(api.createComment, { params: { id: questionId }, body: { body } });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string };
}
const ids = (page: PostPage) => page.items.map((p) => p.id);

describe('questions and answers', () => {
  const t = useServer({ worker: false });
  let asker: Person;
  let expert: Person;
  let voter: Person;
  let owner: Person;
  let space: { id: string };

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    owner = await person(t.server);
    asker = await person(t.server);
    expert = await person(t.server, { name: 'Inès Photométrie' });
    voter = await person(t.server);
    space = await makeSpace(t.server, { visibility: 'open', owner, members: [asker, expert, voter] });
  });

  it('asks a question with a title, and refuses one that is also a poll or has no title', async () => {
    const q = await ask(asker.client, space.id, 'Quel luxmètre pour l’atelier ?');
    expect(q.question).toEqual({
      title: 'Quel luxmètre pour l’atelier ?',
      answerCount: 0,
      acceptedAnswerId: null,
    });
    expect(q.can.accept).toBe(true);
    const plain = await post(asker.client, space.id, 'Une publication ordinaire');
    expect(plain.question).toBeNull();

    const poll = await asker.client.call(api.createPost, {
      body: { spaceId: space.id, title: 'Sondage ?', body: 'x', poll: { options: ['a', 'b'] } },
    });
    expect(poll.status).toBe(400);
    expect(poll.body.error.details.issues[0].field).toBe('title');
    const blank = await asker.client.call(api.createPost, {
      body: { spaceId: space.id, title: '  ', body: 'x' },
    });
    expect(blank.status).toBe(400);
    const long = await asker.client.call(api.createPost, {
      body: { spaceId: space.id, title: 'x'.repeat(201), body: 'x' },
    });
    expect(long.status).toBe(400);
  });

  it('counts answers (not replies), takes votes once per person, and lists questions by status', async () => {
    const q = await ask(asker.client, space.id, 'Comment calibrer un spectromètre ?');
    const unanswered = await voter.client.call(api.listQuestions, { query: { status: 'unanswered' } });
    expect(ids(unanswered.body)).toContain(q.id);

    const a = await answer(expert.client, q.id, 'Avec une lampe étalon, chaque trimestre.');
    await voter.client.call(api.createComment, {
      params: { id: q.id },
      body: { body: 'Merci !', parentId: a.id },
    });
    const after = await voter.client.call(api.getPost, { params: { id: q.id } });
    expect(after.body.question.answerCount).toBe(1);
    expect(after.body.commentCount).toBe(2);

    expect((await expert.client.call(api.voteAnswer, { params: { id: a.id } })).status).toBe(403);
    expect((await voter.client.call(api.voteAnswer, { params: { id: a.id } })).body).toEqual({
      votes: 1,
      myVote: true,
    });
    expect((await voter.client.call(api.voteAnswer, { params: { id: a.id } })).body).toEqual({
      votes: 1,
      myVote: true,
    });
    expect((await owner.client.call(api.voteAnswer, { params: { id: a.id } })).body.votes).toBe(2);
    const listed = await voter.client.call(api.listComments, { params: { id: q.id } });
    expect(listed.body.items[0]).toMatchObject({ id: a.id, votes: 2, myVote: true });
    expect((await voter.client.call(api.unvoteAnswer, { params: { id: a.id } })).body).toEqual({
      votes: 1,
      myVote: false,
    });

    // A reply is not an answer: no votes there.
    const reply = listed.body.items[1];
    expect((await owner.client.call(api.voteAnswer, { params: { id: reply.id } })).status).toBe(404);

    const answered = await voter.client.call(api.listQuestions, { query: { status: 'answered' } });
    expect(ids(answered.body)).toContain(q.id);
    expect(
      ids((await voter.client.call(api.listQuestions, { query: { status: 'unanswered' } })).body),
    ).not.toContain(q.id);
  });

  it('lets the asker or a moderator accept an answer, tells its author, and forgets a deleted one', async () => {
    const q = await ask(asker.client, space.id, 'Quelle température de couleur pour un bureau ?');
    const a = await answer(expert.client, q.id, '4000 K, neutre.');
    const b = await answer(voter.client, q.id, '2700 K, plus chaleureux.');

    const refused = await voter.client.call(api.acceptAnswer, {
      params: { id: q.id },
      body: { commentId: a.id },
    });
    expect(refused.status).toBe(403);
    const other = await ask(asker.client, space.id, 'Autre question ?');
    const elsewhere = await answer(voter.client, other.id, 'ailleurs');
    const wrong = await asker.client.call(api.acceptAnswer, {
      params: { id: q.id },
      body: { commentId: elsewhere.id },
    });
    expect(wrong.status).toBe(400);

    const accepted = await asker.client.call(api.acceptAnswer, {
      params: { id: q.id },
      body: { commentId: a.id },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.question.acceptedAnswerId).toBe(a.id);
    const told = await notificationsOf(t.server, expert.id);
    expect(told).toContainEqual(
      expect.objectContaining({ kind: 'answer_accepted', post_id: q.id, comment_id: a.id }),
    );
    expect(
      ids((await voter.client.call(api.listQuestions, { query: { status: 'accepted' } })).body),
    ).toContain(q.id);

    // The space's owner may change it: that is recorded in the audit log.
    const byOwner = await owner.client.call(api.acceptAnswer, {
      params: { id: q.id },
      body: { commentId: b.id },
    });
    expect(byOwner.body.question.acceptedAnswerId).toBe(b.id);
    const audited = await t.server.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('action', '=', 'question.answer_accepted_by_moderator')
      .execute();
    expect(audited).toEqual([{ action: 'question.answer_accepted_by_moderator', actor_id: owner.id }]);

    expect((await voter.client.call(api.deleteComment, { params: { id: b.id } })).status).toBe(204);
    const after = await asker.client.call(api.getPost, { params: { id: q.id } });
    expect(after.body.question).toMatchObject({ answerCount: 1, acceptedAnswerId: null });
    const cleared = await asker.client.call(api.unacceptAnswer, { params: { id: q.id } });
    expect(cleared.body.question.acceptedAnswerId).toBeNull();
  });

  it('edits a question’s title, and refuses a title on a plain post', async () => {
    const q = await ask(asker.client, space.id, 'Titre provisoire ?');
    const edited = await asker.client.call(api.updatePost, {
      params: { id: q.id },
      body: { title: 'Titre définitif ?', body: q.body },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.question.title).toBe('Titre définitif ?');
    const plain = await post(asker.client, space.id, 'Pas une question');
    const refused = await asker.client.call(api.updatePost, {
      params: { id: plain.id },
      body: { title: 'Devenir question ?', body: plain.body },
    });
    expect(refused.status).toBe(400);
  });

  it('suggests who wrote and answered on the words, among what the asker may read, and asks them once', async () => {
    const hidden = await person(t.server, { name: 'Hugo Secret' });
    const outsider = await person(t.server, { name: 'Olivia Dehors' });
    const privateSpace = await makeSpace(t.server, { visibility: 'private', owner: hidden });
    await post(hidden.client, privateSpace.id, 'Goniophotomètre : mes mesures de goniophotomètre');
    const earlier = await ask(voter.client, space.id, 'Qui a un goniophotomètre ?');
    const accepted = await answer(
      expert.client,
      earlier.id,
      'Le goniophotomètre du labo est libre le lundi.',
    );
    await voter.client.call(api.acceptAnswer, {
      params: { id: earlier.id },
      body: { commentId: accepted.id },
    });
    await post(outsider.client, null, 'Mon avis sur le goniophotomètre');

    // Asked where the outsider is not a member: they cannot read it, so they are not suggested.
    const closed = await makeSpace(t.server, {
      visibility: 'private',
      owner: asker,
      members: [expert, voter],
    });
    const q = await ask(asker.client, closed.id, 'Réserver le goniophotomètre ?');
    const experts = await asker.client.call(api.suggestExperts, { params: { id: q.id } });
    expect(experts.status).toBe(200);
    const names = experts.body.items.map((e: { person: { name: string } }) => e.person.name);
    expect(names[0]).toBe('Inès Photométrie');
    expect(experts.body.items[0]).toMatchObject({ answers: 1, acceptedAnswers: 1, asked: false });
    expect(names).not.toContain('Hugo Secret');
    expect(names).not.toContain('Olivia Dehors');
    expect(JSON.stringify(experts.body)).not.toContain('Hugo');

    expect(
      (await voter.client.call(api.askExperts, { params: { id: q.id }, body: { userIds: [expert.id] } }))
        .status,
    ).toBe(403);
    const notReader = await asker.client.call(api.askExperts, {
      params: { id: q.id },
      body: { userIds: [outsider.id] },
    });
    expect(notReader.status).toBe(400);
    const asked = await asker.client.call(api.askExperts, {
      params: { id: q.id },
      body: { userIds: [expert.id] },
    });
    expect(asked.body).toEqual({ asked: 1 });
    const again = await asker.client.call(api.askExperts, {
      params: { id: q.id },
      body: { userIds: [expert.id] },
    });
    expect(again.body).toEqual({ asked: 0 });
    const requests = (await notificationsOf(t.server, expert.id)).filter((n) => n.kind === 'expert_request');
    expect(requests).toEqual([expect.objectContaining({ post_id: q.id, actor_id: asker.id })]);
    const now = await asker.client.call(api.suggestExperts, { params: { id: q.id } });
    expect(now.body.items[0].asked).toBe(true);

    const plain = await post(asker.client, space.id, 'goniophotomètre');
    expect((await asker.client.call(api.suggestExperts, { params: { id: plain.id } })).status).toBe(404);
  });

  it('finds questions and answers by search, as kinds of their own', async () => {
    const q = await ask(asker.client, space.id, 'Photodiode ou thermopile ?', 'Pour mesurer un laser');
    const a = await answer(expert.client, q.id, 'Une thermopile encaisse mieux la puissance.');
    const res = await voter.client.call(api.search, { query: { q: 'thermopile' } });
    const found = res.body.items.map((r: { kind: string; id: string }) => [r.kind, r.id]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['question', q.id],
        ['answer', a.id],
      ]),
    );
    const titled = res.body.items.find((r: { kind: string }) => r.kind === 'question');
    expect(titled.title).toBe('Photodiode ou thermopile ?');
  });
});
