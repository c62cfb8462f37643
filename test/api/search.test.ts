// Search as a person uses it: words found whatever their accents, case or ending, the last
// word as a prefix while typing, every kind of thing, filters, both orders, paging, and
// changes searchable as soon as they are made. (Who may find what: security/search-visibility.)
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import type { SearchPage, SearchResult } from '../../common/schemas/search.ts';
import type { TestClient } from '../helpers/client.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { addMember, makeSpace, type Person, person, post, upload } from '../helpers/stream-fixtures.ts';

async function search(client: TestClient, query: Record<string, string | number | undefined>) {
  const res = await client.call(api.search, { query });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as SearchPage;
}
const ids = (page: SearchPage) => page.items.map((r) => r.id);
const hits = (r: SearchResult) =>
  r.snippet
    .filter((p) => p.hit)
    .map((p) => p.text.toLowerCase())
    .join(' ');

describe('search', () => {
  const t = useServer({ worker: false });
  let author: Person;
  let reader: Person;
  let space: { id: string; slug: string; name: string };
  let otherSpace: { id: string; slug: string; name: string };
  let meeting: { id: string };
  let english: { id: string };

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    author = await person(t.server, { name: 'Hélène Marchand' });
    reader = await person(t.server);
    space = await makeSpace(t.server, { visibility: 'open', owner: author, name: 'Gouvernance des données' });
    otherSpace = await makeSpace(t.server, { visibility: 'open', owner: author, name: 'Atelier vélo' });
    meeting = await post(author.client, space.id, 'Les réunions de gouvernance reprennent jeudi à Besançon.');
    english = await post(author.client, space.id, 'The quarterly meetings moved to the Lyon office.');
  });

  it('ignores accents and case, and matches French and English word forms', async () => {
    for (const q of ['reunion', 'RÉUNION', 'réunions', 'besancon', 'BESANÇON']) {
      expect(ids(await search(reader.client, { q, type: 'post' })), q).toContain(meeting.id);
    }
    for (const q of ['meeting', 'Meetings', 'quarterly']) {
      expect(ids(await search(reader.client, { q, type: 'post' })), q).toContain(english.id);
    }
    // All words are required.
    expect(ids(await search(reader.client, { q: 'réunion Lyon', type: 'post' }))).toEqual([]);
  });

  it('matches the last word as a prefix while it is being typed', async () => {
    for (const q of ['gouv', 'gouverna', 'réunions gouvernan', 'quarter']) {
      const page = await search(reader.client, { q, type: 'post' });
      expect(page.items.length, q).toBeGreaterThan(0);
    }
    expect(ids(await search(reader.client, { q: 'gouverna', type: 'post' }))).toContain(meeting.id);
  });

  it('highlights the matched words in a snippet, as text', async () => {
    const page = await search(reader.client, { q: 'reunions', type: 'post' });
    const found = page.items.find((r) => r.id === meeting.id)!;
    expect(hits(found)).toContain('réunions');
    expect(found.snippet.map((p) => p.text).join('')).toContain('Besançon');
    expect(found.author?.name).toBe('Hélène Marchand');
    expect(found.space?.slug).toBe(space.slug);
  });

  it('finds comments, files, people and spaces, each linking to where it lives', async () => {
    const host = await post(author.client, otherSpace.id, 'Sortie du samedi');
    const comment = await author.client.call(api.createComment, {
      params: { id: host.id },
      body: { body: 'Prévoir des chambres à air de rechange' },
    });
    expect(comment.status).toBe(201);
    const file = await upload(author.client, 'Itinéraire-Vercors.pdf', Buffer.from('%PDF-1.7\n...'));
    expect(file.status).toBe(201);
    const withFile = await post(author.client, otherSpace.id, 'Le parcours', {
      attachmentIds: [file.body.id],
    });

    const c = (await search(reader.client, { q: 'chambre' })).items.find((r) => r.kind === 'comment')!;
    expect(c).toMatchObject({ id: comment.body.id, postId: host.id, space: { id: otherSpace.id } });

    const f = (await search(reader.client, { q: 'itineraire vercors' })).items.find(
      (r) => r.kind === 'file',
    )!;
    expect(f).toMatchObject({ id: file.body.id, postId: withFile.id, title: 'Itinéraire-Vercors.pdf' });

    const p = (await search(reader.client, { q: 'helene' })).items.find((r) => r.kind === 'person')!;
    expect(p).toMatchObject({ id: author.id, title: 'Hélène Marchand', author: { id: author.id } });

    const s = (await search(reader.client, { q: 'velo', type: 'space' })).items;
    expect(s.map((r) => [r.kind, r.id, r.title])).toEqual([['space', otherSpace.id, 'Atelier vélo']]);
  });

  it('counts matches per kind on the first page, whatever the type filter', async () => {
    const page = await search(reader.client, { q: 'gouvernance', type: 'space' });
    expect(page.items.map((r) => r.kind)).toEqual(['space']);
    expect(page.counts).toMatchObject({ space: 1, post: 1 });
    expect(page.countsCapped).toBe(false);
  });

  it('filters by type, space, author and date', async () => {
    const other = await person(t.server);
    await addMember(t.server, otherSpace.id, other);
    const theirs = await post(other.client, otherSpace.id, 'Compte rendu de la réunion vélo');
    const bothTypes = await reader.client.get(`/api/v1/search?q=reunion&type=post&type=space`);
    expect(bothTypes.status).toBe(200);
    expect(new Set((bothTypes.body as SearchPage).items.map((r) => r.kind))).toEqual(new Set(['post']));

    expect(ids(await search(reader.client, { q: 'reunion', space: space.id }))).toEqual([meeting.id]);
    expect(ids(await search(reader.client, { q: 'reunion', author: other.id }))).toEqual([theirs.id]);

    const today = t.server.clock.now().toISOString().slice(0, 10);
    expect(ids(await search(reader.client, { q: 'reunion', from: today, to: today }))).toContain(theirs.id);
    expect(ids(await search(reader.client, { q: 'reunion', to: '2020-01-01' }))).toEqual([]);
  });

  it('sorts newest first or by relevance, and pages through either without repeats', async () => {
    const lot = await makeSpace(t.server, { visibility: 'open', owner: author });
    const made: string[] = [];
    for (let i = 0; i < 7; i++) {
      t.server.clock.advance(1000);
      made.push((await post(author.client, lot.id, `Inventaire numéro ${i} du magasin`)).id);
    }
    t.server.clock.advance(1000);
    // Three times the word: ranked first by relevance, though not the newest.
    const strong = await post(author.client, lot.id, 'Inventaire : inventaire, toujours l’inventaire');
    made.push((await post(author.client, lot.id, 'Dernier inventaire')).id);

    for (const sort of ['recent', 'relevance'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await search(reader.client, { q: 'inventaire', space: lot.id, sort, limit: 3, cursor });
        if (cursor) expect(page.counts).toBeNull();
        seen.push(...ids(page));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(new Set(seen).size, sort).toBe(9);
      expect(seen.length, sort).toBe(9);
      if (sort === 'recent') expect(seen.slice(0, 2)).toEqual([made.at(-1), strong.id]);
      else expect(seen[0]).toBe(strong.id);
    }
  });

  it('reads a common word along the date index: counts capped, pages without repeats in both orders', async () => {
    const busy = await makeSpace(t.server, { visibility: 'open', owner: author });
    // More matches than the count cap, written straight to the table (the triggers index them).
    await sql`
      INSERT INTO posts (id, author_id, space_id, body, created_at)
      SELECT gen_random_uuid(), ${author.id}, ${busy.id}, 'Rapport quotidien numéro ' || g || ' #zqmany',
        ${t.server.clock.now()}::timestamptz - make_interval(mins => g)
      FROM generate_series(1, 1030) g`.execute(t.server.ctx.db);
    for (const sort of ['recent', 'relevance'] as const) {
      const first = await search(reader.client, { q: 'zqmany', sort, limit: 50 });
      expect(first.countsCapped).toBe(true);
      const seen = new Set(ids(first));
      let cursor = first.nextCursor ?? undefined;
      for (let i = 0; i < 3 && cursor; i++) {
        const next = await search(reader.client, { q: 'zqmany', sort, limit: 50, cursor });
        for (const id of ids(next)) seen.add(id);
        cursor = next.nextCursor ?? undefined;
      }
      expect(seen.size, sort).toBe(200);
    }
    const newest = await search(reader.client, { q: 'zqmany', limit: 1 });
    expect(newest.items[0]!.snippet.map((p) => p.text).join('')).toContain('numéro 1 ');
  });

  it('finds a change as soon as it is made, and forgets what was deleted', async () => {
    const fresh = await post(author.client, space.id, 'Nouvelle procédure xylophonique');
    expect(ids(await search(reader.client, { q: 'xylophonique' }))).toEqual([fresh.id]);

    const edited = await author.client.call(api.updatePost, {
      params: { id: fresh.id },
      body: { body: 'Nouvelle procédure trombonesque' },
    });
    expect(edited.status).toBe(200);
    expect(ids(await search(reader.client, { q: 'xylophonique' }))).toEqual([]);
    expect(ids(await search(reader.client, { q: 'trombonesque' }))).toEqual([fresh.id]);

    const comment = await reader.client.call(api.createComment, {
      params: { id: fresh.id },
      body: { body: 'Question saxophonique' },
    });
    expect(ids(await search(reader.client, { q: 'saxophonique' }))).toEqual([comment.body.id]);
    await reader.client.call(api.deleteComment, { params: { id: comment.body.id } });
    expect(ids(await search(reader.client, { q: 'saxophonique' }))).toEqual([]);

    await reader.client.call(api.createComment, {
      params: { id: fresh.id },
      body: { body: 'Encore saxophonique' },
    });
    expect((await author.client.call(api.deletePost, { params: { id: fresh.id } })).status).toBe(204);
    expect((await search(reader.client, { q: 'trombonesque saxophonique' })).items).toEqual([]);
    expect((await search(reader.client, { q: 'saxophonique' })).items).toEqual([]);
  });

  it('follows renames of people and spaces', async () => {
    const renamed = await author.client.call(api.updateMe, { body: { name: 'Hélène Zygomatique' } });
    expect(renamed.status).toBe(200);
    expect(ids(await search(reader.client, { q: 'zygomatique', type: 'person' }))).toEqual([author.id]);
    expect(ids(await search(reader.client, { q: 'marchand', type: 'person' }))).toEqual([]);
  });

  it('answers plainly to input it cannot use', async () => {
    expect((await search(reader.client, { q: '?! …' })).items).toEqual([]);
    expect((await search(reader.client, { q: 'a & b | !c:* (d)' })).items).toEqual([]);
    const missing = await reader.client.call(api.search, { query: {} });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('q');
    const badCursor = await reader.client.call(api.search, { query: { q: 'x', cursor: 'nope' } });
    expect(badCursor.status).toBe(400);
    const forged = Buffer.from(JSON.stringify("2026-01-01'; DROP TABLE posts|x")).toString('base64url');
    expect((await reader.client.call(api.search, { query: { q: 'x', cursor: forged } })).status).toBe(400);
    const dates = await reader.client.call(api.search, {
      query: { q: 'x', from: '2026-02-01', to: '2026-01-01' },
    });
    expect(dates.status).toBe(400);
    expect((await reader.client.call(api.search, { query: { q: 'x', type: 'bogus' } })).status).toBe(400);
  });

  it('is for signed-in people only', async () => {
    const anonymous = t.server.client();
    expect((await anonymous.call(api.search, { query: { q: 'reunion' } })).status).toBe(401);
  });
});
