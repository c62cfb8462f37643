// Knowledge pages: written by a space's members, edited with every revision kept, a change
// shown as a difference, an old revision restored, concurrent saves refused rather than
// lost, a question saved with its accepted answer — and read only where the space is.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import type { Page } from '../../common/schemas/knowledge.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, type Person, person } from '../helpers/stream-fixtures.ts';

describe('knowledge pages', () => {
  const t = useServer({ worker: false });
  let writer: Person;
  let editor: Person;
  let outsider: Person;
  let space: { id: string; slug: string };

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    writer = await person(t.server);
    editor = await person(t.server);
    outsider = await person(t.server);
    space = await makeSpace(t.server, { visibility: 'private', owner: writer, members: [editor] });
  });

  async function write(title: string, body: string, parentId?: string) {
    const res = await writer.client.call(api.createPage, {
      params: { space: space.slug },
      body: { title, body, parentId },
    });
    expect(res.status, res.text).toBe(201);
    return res.body as Page;
  }

  it('is written and edited by members, each save a revision, and read by nobody else', async () => {
    const page = await write('Procédure de calibration', 'Étape 1 : chauffer la lampe.\nÉtape 2 : mesurer.');
    expect(page).toMatchObject({ revision: 1, can: { edit: true }, space: { id: space.id } });
    const edited = await editor.client.call(api.updatePage, {
      params: { id: page.id },
      body: { body: 'Étape 1 : chauffer la lampe 15 minutes.\nÉtape 2 : mesurer.', baseRevision: 1 },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body.revision).toBe(2);
    expect(edited.body.updatedBy.id).toBe(editor.id);

    const diff = await writer.client.call(api.revisionDiff, { params: { id: page.id, number: '2' } });
    expect(diff.body.lines).toEqual([
      { op: 'removed', text: 'Étape 1 : chauffer la lampe.' },
      { op: 'added', text: 'Étape 1 : chauffer la lampe 15 minutes.' },
      { op: 'same', text: 'Étape 2 : mesurer.' },
    ]);
    const history = await writer.client.call(api.pageRevisions, { params: { id: page.id } });
    expect(history.body.items.map((r: { number: number }) => r.number)).toEqual([2, 1]);

    expect((await outsider.client.call(api.getPage, { params: { id: page.id } })).status).toBe(404);
    // A private space is listed to colleagues, its content is not.
    expect((await outsider.client.call(api.listPages, { params: { space: space.slug } })).status).toBe(403);
    const found = await outsider.client.call(api.search, { query: { q: 'calibration' } });
    expect(found.text).not.toContain('Procédure de calibration');
    const memberFinds = await editor.client.call(api.search, { query: { q: 'calibration', type: 'page' } });
    expect(memberFinds.body.items.map((r: { id: string }) => r.id)).toEqual([page.id]);
  });

  it('refuses a save based on an old revision, so nobody’s work is overwritten', async () => {
    const page = await write('Contacts fournisseurs', 'Optiques : Sarl Lentilles');
    await editor.client.call(api.updatePage, {
      params: { id: page.id },
      body: { body: 'v2', baseRevision: 1 },
    });
    const late = await writer.client.call(api.updatePage, {
      params: { id: page.id },
      body: { body: 'mine', baseRevision: 1 },
    });
    expect(late.status).toBe(409);
    expect((await writer.client.call(api.getPage, { params: { id: page.id } })).body.body).toBe('v2');
  });

  it('restores an old revision as a new one, keeping the history', async () => {
    const page = await write('Charte', 'Version A');
    await editor.client.call(api.updatePage, {
      params: { id: page.id },
      body: { title: 'Charte révisée', body: 'Version B', baseRevision: 1 },
    });
    const restored = await writer.client.call(api.restoreRevision, { params: { id: page.id, number: '1' } });
    expect(restored.body).toMatchObject({ title: 'Charte', body: 'Version A', revision: 3 });
    const history = await writer.client.call(api.pageRevisions, { params: { id: page.id } });
    expect(history.body.items[0]).toMatchObject({ number: 3, restoredFrom: 1 });
    expect(
      (await outsider.client.call(api.restoreRevision, { params: { id: page.id, number: '1' } })).status,
    ).toBe(404);
  });

  it('forms a tree, and refuses a page under itself or in another space', async () => {
    const parent = await write('Production', 'Tout sur la production');
    const child = await write('Ligne 2', 'La ligne 2', parent.id);
    expect(child.parent).toEqual({ id: parent.id, title: 'Production' });
    const loop = await writer.client.call(api.updatePage, {
      params: { id: parent.id },
      body: { parentId: child.id, baseRevision: 1 },
    });
    expect(loop.status).toBe(400);
    const other = await makeSpace(t.server, { visibility: 'open', owner: writer });
    const elsewhere = await writer.client.call(api.createPage, {
      params: { space: other.id },
      body: { title: 'x', body: 'y', parentId: parent.id },
    });
    expect(elsewhere.status).toBe(400);
    const tree = await editor.client.call(api.listPages, { params: { space: space.slug } });
    expect(tree.body.items.find((p: { id: string }) => p.id === child.id).parentId).toBe(parent.id);
  });

  it('saves a question with its accepted answer as a page that links back, and it stays when the author leaves', async () => {
    const q = await editor.client.call(api.createPost, {
      body: { spaceId: space.id, title: 'Quel étalon pour le spectromètre ?', body: 'Lequel prendre ?' },
    });
    const other = await writer.client.call(api.createComment, {
      params: { id: q.body.id },
      body: { body: 'Aucune idée' },
    });
    const good = await writer.client.call(api.createComment, {
      params: { id: q.body.id },
      body: { body: 'La lampe étalon halogène du labo.' },
    });
    await editor.client.call(api.acceptAnswer, {
      params: { id: q.body.id },
      body: { commentId: good.body.id },
    });
    const saved = await editor.client.call(api.saveToKnowledge, { params: { id: q.body.id }, body: {} });
    expect(saved.status, saved.text).toBe(201);
    expect(saved.body).toMatchObject({
      title: 'Quel étalon pour le spectromètre ?',
      sourcePostId: q.body.id,
    });
    expect(saved.body.body).toContain('La lampe étalon halogène du labo.');
    expect(saved.body.body).not.toContain(other.body.body);
    expect(saved.body.body).toContain(`/posts/${q.body.id}`);
    expect(
      (await outsider.client.call(api.saveToKnowledge, { params: { id: q.body.id }, body: {} })).status,
    ).toBe(404);

    await t.server.ctx.db
      .updateTable('users')
      .set({ status: 'deactivated' })
      .where('id', '=', editor.id)
      .execute();
    const after = await writer.client.call(api.getPage, { params: { id: saved.body.id } });
    expect(after.status).toBe(200);
    expect(after.body.body).toContain('La lampe étalon halogène du labo.');
  });
});
