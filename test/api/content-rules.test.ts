// Content rules (docs/security.md, "Content rules"): words, phrases and patterns administrators refuse in
// posts and comments, for the whole organisation or one space. A refused text names the
// field and the words and writes nothing; the preview tells what a rule would have caught
// in the last 30 days, naming only the places the administrator may see.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import type { ContentRule, ContentRulePreview } from '../../common/schemas/content-rules.ts';
import { DAY } from '../../server/platform/clock.ts';
import type { TestClient } from '../helpers/client.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, type Person, person, post } from '../helpers/stream-fixtures.ts';

describe('content rules', () => {
  const t = useServer({ worker: false });
  let admin: TestClient;
  let author: Person;
  let open: { id: string };
  let other: { id: string };

  beforeAll(async () => {
    ({ client: admin } = await setUpOrganisation(t.server));
    author = await person(t.server, { name: 'Rémi Auteur' });
    open = await makeSpace(t.server, { visibility: 'open', members: [author], name: 'Atelier' });
    other = await makeSpace(t.server, { visibility: 'open', members: [author], name: 'Cantine' });
  });

  async function addRule(body: {
    term: string;
    action?: 'reject' | 'hold';
    spaceId?: string | null;
    note?: string;
  }) {
    const res = await admin.call(api.createContentRule, { body: { action: 'reject', ...body } });
    expect(res.status, res.text).toBe(201);
    return res.body as ContentRule;
  }

  const refusal = (res: { status: number; body: { error?: { code: string; details?: unknown } } }) => {
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('validation_failed');
    const details = res.body.error?.details as {
      issues: { field: string; reason: string; params?: unknown }[];
    };
    const issues = details.issues;
    return issues.map((i) => ({ field: i.field, reason: i.reason, params: i.params }));
  };

  async function spaceBodies(spaceId: string) {
    const feed = await author.client.call(api.spaceFeed, { params: { space: spaceId } });
    expect(feed.status, feed.text).toBe(200);
    return (feed.body.items as { body: string; title: string | null }[]).map((p) => p.title ?? p.body);
  }

  it('refuse a post, a question, a poll option, a comment and an edit that contain a refused word, writing nothing', async () => {
    const rule = await addRule({ term: 'Confidentiél', note: 'Documents classés' });
    expect(rule).toMatchObject({
      term: 'Confidentiél',
      action: 'reject',
      space: null,
      note: 'Documents classés',
    });

    const body = 'Voici le rapport CONFIDENTIEL du trimestre';
    const res = await author.client.call(api.createPost, { body: { spaceId: open.id, body } });
    expect(refusal(res)).toEqual([
      { field: 'body', reason: 'content_blocked', params: { found: 'CONFIDENTIEL' } },
    ]);
    expect(await spaceBodies(open.id)).not.toContain(body);

    const question = await author.client.call(api.createPost, {
      body: { spaceId: open.id, title: 'Qui a le dossier confidentiel ?', body: 'Merci' },
    });
    expect(refusal(question)).toEqual([
      { field: 'title', reason: 'content_blocked', params: { found: 'confidentiel' } },
    ]);

    const poll = await author.client.call(api.createPost, {
      body: {
        spaceId: open.id,
        body: 'Sondage',
        poll: { options: ['Public', 'Confidentiel'], multiple: false },
      },
    });
    expect(refusal(poll)[0]).toMatchObject({ field: 'poll.options.1', reason: 'content_blocked' });

    const fine = await post(author.client, open.id, 'Le rapport public du trimestre');
    const comment = await author.client.call(api.createComment, {
      params: { id: fine.id },
      body: { body: 'Il existe aussi une version confidentielle ? Non : confidentiel.' },
    });
    expect(refusal(comment)[0]).toMatchObject({ field: 'body', params: { found: 'confidentiel' } });
    const comments = await author.client.call(api.listComments, { params: { id: fine.id } });
    expect(comments.body.items).toEqual([]);

    const edit = await author.client.call(api.updatePost, {
      params: { id: fine.id },
      body: { body: 'Le rapport confidentiel du trimestre' },
    });
    expect(refusal(edit)[0]).toMatchObject({ field: 'body', reason: 'content_blocked' });
    expect(await spaceBodies(open.id)).toContain('Le rapport public du trimestre');

    // Once the rule is gone, the same text goes through.
    const removed = await admin.call(api.deleteContentRule, { params: { id: rule.id } });
    expect(removed.status, removed.text).toBe(204);
    await post(author.client, open.id, body);
  });

  it('apply a space rule in that space only, wildcards included', async () => {
    await addRule({ term: 'FR76 #### ####', spaceId: open.id });
    await addRule({ term: 'aurora*', spaceId: open.id });

    const iban = await author.client.call(api.createPost, {
      body: { spaceId: open.id, body: 'Mon IBAN : FR76 3000 4000, merci' },
    });
    expect(refusal(iban)[0]).toMatchObject({ params: { found: 'FR76 3000 4000' } });
    const project = await author.client.call(api.createPost, {
      body: { spaceId: open.id, body: 'Le projet Auroral' },
    });
    expect(refusal(project)[0]).toMatchObject({ params: { found: 'Aurora' } });

    await post(author.client, other.id, 'Mon IBAN : FR76 3000 4000, merci');
    await post(author.client, null, 'Le projet Auroral avance');
    await post(author.client, open.id, 'Numéro FR76 30 40, incomplet');

    const list = await admin.call(api.listContentRules, {});
    expect(list.status).toBe(200);
    expect(
      (list.body.items as ContentRule[])
        .filter((r) => r.space?.id === open.id)
        .map((r) => [r.term, r.space?.name]),
    ).toEqual([
      ['aurora*', 'Atelier'],
      ['FR76 #### ####', 'Atelier'],
    ]);
  });

  it('hold a post or comment with a held word for a space moderator, and refuse it where nothing can wait', async () => {
    const owner = await person(t.server, { name: 'Odile Propriétaire' });
    const reader = await person(t.server);
    const space = await makeSpace(t.server, { visibility: 'open', owner, members: [author, reader] });
    await addRule({ term: 'licenciement*', action: 'hold', spaceId: space.id });
    await addRule({ term: 'restructuration', action: 'hold' });

    const held = await post(author.client, space.id, 'Rumeur de licenciements au dépôt ?');
    expect(held.held).toBe('pending');
    const feed = await reader.client.call(api.spaceFeed, { params: { space: space.id } });
    expect(feed.text).not.toContain('Rumeur de licenciements');
    const pending = await owner.client.call(api.listPending, { query: {} });
    expect(pending.status, pending.text).toBe(200);
    expect(pending.body.items.map((i: { body: string }) => i.body)).toContain(
      'Rumeur de licenciements au dépôt ?',
    );
    const approve = await owner.client.call(api.decidePending, {
      params: { id: held.id },
      body: { decision: 'approve', note: '' },
    });
    expect(approve.status, approve.text).toBeLessThan(300);
    expect((await reader.client.call(api.spaceFeed, { params: { space: space.id } })).text).toContain(
      'Rumeur de licenciements',
    );

    // An edit of what is published, or a profile post, has no queue to wait in: refused.
    const fine = await post(author.client, space.id, 'Réunion du personnel jeudi');
    const edit = await author.client.call(api.updatePost, {
      params: { id: fine.id },
      body: { body: 'Réunion du personnel jeudi : restructuration' },
    });
    expect(refusal(edit)[0]).toMatchObject({ field: 'body', reason: 'content_blocked' });
    const profile = await author.client.call(api.createPost, {
      body: { spaceId: null, body: 'La restructuration' },
    });
    expect(refusal(profile)[0]).toMatchObject({ field: 'body', params: { found: 'restructuration' } });
  });

  it('refuse terms that cannot be rules and terms already ruled, with the field named', async () => {
    const issue = async (body: Record<string, unknown>) => {
      const res = await admin.call(api.createContentRule, { body: { action: 'reject', ...body } as never });
      return refusal(res)[0];
    };
    expect(await issue({ term: '*' })).toMatchObject({ field: 'term', reason: 'too_short' });
    expect(await issue({ term: 'con*fidentiel' })).toMatchObject({
      field: 'term',
      reason: 'wildcard_inside',
    });
    expect(await issue({ term: 'x'.repeat(120) })).toMatchObject({ field: 'term', reason: 'too_long' });
    expect(await issue({ term: 'spam', action: 'delete' })).toMatchObject({ field: 'action' });
    expect(await issue({ term: 'spam', spaceId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      field: 'spaceId',
    });
    await addRule({ term: 'Réunionite' });
    expect(await issue({ term: '  RÉUNIONITE ' })).toMatchObject({ field: 'term', reason: 'duplicate' });
    // The same term may still have its own rule in a space.
    await addRule({ term: 'réunionite', spaceId: other.id });
  });

  it('are for administrators only, and every change is audited', async () => {
    const member = await person(t.server);
    const rule = await addRule({ term: 'bitcoin', note: 'Arnaques' });
    expect((await member.client.call(api.listContentRules, {})).status).toBe(403);
    expect(
      (await member.client.call(api.createContentRule, { body: { term: 'x1', action: 'reject' } })).status,
    ).toBe(403);
    expect((await member.client.call(api.deleteContentRule, { params: { id: rule.id } })).status).toBe(403);
    expect((await member.client.call(api.previewContentRule, { body: { term: 'bitcoin' } })).status).toBe(
      403,
    );

    expect((await admin.call(api.deleteContentRule, { params: { id: rule.id } })).status).toBe(204);
    expect((await admin.call(api.deleteContentRule, { params: { id: rule.id } })).status).toBe(404);
    const audit = await admin.call(api.listAudit, { query: { targetId: rule.id } });
    expect(
      audit.body.items.map((e: { action: string; before: unknown; after: unknown }) => [
        e.action,
        e.before,
        e.after,
      ]),
    ).toEqual([
      ['content_rule.deleted', { term: 'bitcoin', action: 'reject', note: 'Arnaques', spaceId: null }, null],
      ['content_rule.created', null, { term: 'bitcoin', action: 'reject', note: 'Arnaques', spaceId: null }],
    ]);
  });

  it('preview what a term would have caught in the last 30 days, naming only places the administrator may see', async () => {
    const insider = await person(t.server);
    const secret = await makeSpace(t.server, {
      visibility: 'secret',
      members: [insider],
      name: 'Fusion Hermès',
    });
    const visible = await makeSpace(t.server, { visibility: 'open', members: [insider], name: 'Ventes' });
    const old = await post(insider.client, visible.id, 'Ancienne note sur le dossier Pégase');
    await t.server.ctx.db
      .updateTable('posts')
      .set({ created_at: new Date(t.server.clock.now().getTime() - 31 * DAY) })
      .where('id', '=', old.id)
      .execute();
    await post(insider.client, visible.id, 'Nouvelle note : le dossier Pégase avance bien.');
    const hidden = await post(insider.client, secret.id, 'Canari-7f3 : le dossier pégase est signé');
    const comment = await insider.client.call(api.createComment, {
      params: { id: hidden.id },
      body: { body: 'Canari-9b1 PÉGASE confirmé' },
    });
    expect(comment.status).toBe(201);

    const res = await admin.call(api.previewContentRule, { body: { term: 'pegase' } });
    expect(res.status, res.text).toBe(200);
    const preview = res.body as ContentRulePreview;
    expect(preview.caught).toBe(3);
    expect(preview.truncated).toBe(false);
    expect(preview.bySpace).toEqual([
      { place: 'unlisted', space: null, count: 2 },
      { place: 'space', space: expect.objectContaining({ name: 'Ventes' }), count: 1 },
    ]);
    expect(preview.examples).toHaveLength(1);
    expect(preview.examples[0]).toMatchObject({
      found: 'Pégase',
      space: { name: 'Ventes' },
      commentId: null,
    });
    expect(preview.examples[0]!.excerpt).toContain('le dossier Pégase avance');
    expect(res.text).not.toMatch(/Canari|Hermès/);

    // Scoped to one space, only that space is read.
    const scoped = await admin.call(api.previewContentRule, {
      body: { term: 'pegase', spaceId: visible.id },
    });
    expect((scoped.body as ContentRulePreview).caught).toBe(1);
    // A term that cannot be a rule cannot be previewed either.
    const bad = await admin.call(api.previewContentRule, { body: { term: '#' } });
    expect(refusal(bad)[0]).toMatchObject({ field: 'term', reason: 'too_short' });
  });
});
