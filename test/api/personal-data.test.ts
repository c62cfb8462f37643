// Personal data: a person's archive of everything they wrote and everything stored about
// them, theirs alone and kept a week; and erasure by an administrator, with content kept
// under "former employee" or deleted, as the organisation chose.
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { DAY } from '../../server/platform/clock.ts';
import type { TestClient } from '../helpers/client.ts';
import { buildUser, drainJobs, PASSWORD, setUpOrganisation, signIn } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { download, type Person, person, post, putPhoto, upload } from '../helpers/stream-fixtures.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function archiveOf(client: TestClient, url: string) {
  const res = await download(client, url);
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const entries = unzipSync(bytes);
  return {
    res,
    entries,
    data: JSON.parse(strFromU8(entries['data.json']!)),
    text: strFromU8(entries['data.json']!),
  };
}

async function readyExport(client: TestClient) {
  const list = await client.call(api.listPersonalDataExports);
  return list.body.items.find((e: { status: string }) => e.status === 'ready');
}

describe('personal data', () => {
  const t = useServer();
  let admin: TestClient;

  beforeAll(async () => {
    ({ client: admin } = await setUpOrganisation(t.server));
  });

  describe('the archive', () => {
    let marie: Person;
    let paul: Person;

    beforeAll(async () => {
      marie = await person(t.server, { name: 'Marie Curie-Archive' });
      paul = await person(t.server, { name: 'Paul Langevin' });
      const file = await upload(marie.client, 'notes.txt', Buffer.from('Marie’s lab notes\n'));
      const written = await post(marie.client, null, 'Radium glows in the dark', {
        attachmentIds: [file.body.id],
      });
      await marie.client.call(api.updatePost, {
        params: { id: written.id },
        body: { body: 'Radium glows blue in the dark' },
      });
      // Paul's words under Marie's post are Paul's, not Marie's.
      await paul.client.call(api.createComment, {
        params: { id: written.id },
        body: { body: 'PAUL-PRIVATE-CANARY what a glow' },
      });
      const paulsPost = await post(paul.client, null, 'Piezoelectricity works');
      await marie.client.call(api.createComment, {
        params: { id: paulsPost.id },
        body: { body: 'Marie says: congratulations' },
      });
      await marie.client.call(api.reactToPost, { params: { id: paulsPost.id }, body: { kind: 'celebrate' } });
      await marie.client.call(api.followPerson, { params: { id: paul.id } });
      await marie.client.call(api.setMySkills, { body: { skills: ['Radiochemistry'] } });
      await paul.client.call(api.endorseSkill, { params: { id: marie.id, key: 'radiochemistry' } });
      await putPhoto(marie.client, 'me.png', PNG);
    });

    it('is built in the background, announced in the app and by mail, and holds what she wrote and what is stored about her', async () => {
      const asked = await marie.client.call(api.requestPersonalDataExport);
      expect(asked.status).toBe(202);
      expect(asked.body).toMatchObject({ status: 'pending', url: null });
      // One at a time.
      const again = await marie.client.call(api.requestPersonalDataExport);
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('export_pending');

      await drainJobs(t.server);
      const ready = await readyExport(marie.client);
      expect(ready).toMatchObject({ id: asked.body.id, status: 'ready' });

      const notifications = await marie.client.call(api.listNotifications);
      expect(notifications.body.items.map((n: { kind: string }) => n.kind)).toContain('personal_data_ready');
      const mail = await t.server.ctx.db
        .selectFrom('mail_outbox')
        .select(['subject', 'text_body'])
        .where('to_address', '=', marie.email)
        .where('kind', '=', 'personal_data_ready')
        .executeTakeFirstOrThrow();
      expect(mail.subject).toBe('Your Acme data archive is ready');
      expect(mail.text_body).toContain('/settings#privacy');

      const { res, entries, data, text } = await archiveOf(marie.client, ready.url);
      expect(res.headers.get('content-type')).toBe('application/zip');
      expect(res.headers.get('content-disposition')).toMatch(
        /attachment; filename="trame-personal-data-\d{4}-\d\d-\d\d\.zip"/,
      );
      expect(strFromU8(entries['README.txt']!)).toContain('Personal data of Marie Curie-Archive');

      expect(data.profile).toMatchObject({
        name: 'Marie Curie-Archive',
        email: marie.email,
        skills: ['Radiochemistry'],
      });
      expect(data.account).toMatchObject({ id: marie.id, role: 'member' });
      expect(data.sessions.length).toBeGreaterThan(0);
      expect(data.sessions[0]).not.toHaveProperty('token_hash');
      const mine = data.posts.find((p: { body: string }) => p.body === 'Radium glows blue in the dark');
      expect(mine.earlierVersions.map((v: { body: string }) => v.body)).toEqual(['Radium glows in the dark']);
      expect(data.comments.map((c: { body: string }) => c.body)).toEqual(['Marie says: congratulations']);
      expect(data.reactions).toEqual([expect.objectContaining({ kind: 'celebrate' })]);
      expect(data.following).toEqual([expect.objectContaining({ name: 'Paul Langevin' })]);
      expect(data.endorsementsReceived).toEqual([
        expect.objectContaining({ from: 'Paul Langevin', skill: 'Radiochemistry' }),
      ]);
      expect(data.auditRecords.map((a: { action: string }) => a.action)).toContain(
        'personal_data.export_requested',
      );
      // Her files, byte for byte; others' words never.
      const notes = Object.keys(entries).find(
        (k) => k.startsWith('files/attachments/') && k.endsWith('notes.txt'),
      )!;
      expect(strFromU8(entries[notes]!)).toBe('Marie’s lab notes\n');
      expect(Buffer.from(entries['files/photo.png']!).equals(PNG)).toBe(true);
      expect(text).not.toContain('PAUL-PRIVATE-CANARY');
      expect(text).not.toContain(paul.email);

      const audit = await admin.call(api.listAudit, { query: { targetId: marie.id } });
      expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(
        expect.arrayContaining([
          'personal_data.export_requested',
          'personal_data.exported',
          'personal_data.downloaded',
        ]),
      );
    });

    it('is downloaded by its owner only, not by a colleague nor an administrator', async () => {
      const ready = await readyExport(marie.client);
      expect((await download(paul.client, ready.url)).status).toBe(404);
      expect((await download(admin, ready.url)).status).toBe(404);
      expect((await paul.client.call(api.listPersonalDataExports)).body.items).toEqual([]);
      expect((await download(t.server.client(), ready.url)).status).toBe(401);
    });

    it('is limited to a few a day', async () => {
      const busy = await person(t.server);
      for (let i = 0; i < 3; i++) {
        expect((await busy.client.call(api.requestPersonalDataExport)).status).toBe(202);
        await drainJobs(t.server);
      }
      expect((await busy.client.call(api.requestPersonalDataExport)).status).toBe(429);
    });

    it('is deleted after seven days, file and all', async () => {
      const ready = await readyExport(marie.client);
      const row = await t.server.ctx.db
        .selectFrom('personal_data_exports')
        .select('storage_key')
        .where('id', '=', ready.id)
        .executeTakeFirstOrThrow();
      const file = path.join(t.server.ctx.config.FILES_DIR, row.storage_key!.slice(0, 2), row.storage_key!);
      expect(fs.existsSync(file)).toBe(true);
      t.server.clock.advance(7 * DAY + 60_000);
      await drainJobs(t.server);
      expect(fs.existsSync(file)).toBe(false);
      const again = await signIn(t.server, marie);
      expect((await again.call(api.listPersonalDataExports)).body.items).toEqual([]);
      expect((await download(again, ready.url)).status).toBe(404);
    });
  });

  describe('erasure', () => {
    // Time moved a week above: a fresh administrator's session.
    beforeAll(async () => {
      ({ client: admin } = await setUpOrganisation(t.server));
    });

    it('refuses members, oneself, and a wrong confirmation (changing nothing)', async () => {
      const { admin: me, client } = await setUpOrganisation(t.server);
      const member = await person(t.server);
      const target = await buildUser(t.server, { name: 'Target Person' });
      const byMember = await member.client.call(api.eraseUser, {
        params: { id: target.id },
        body: { confirmation: target.email },
      });
      expect(byMember.status).toBe(403);
      const self = await client.call(api.eraseUser, {
        params: { id: me.id },
        body: { confirmation: me.email },
      });
      expect(self.status).toBe(409);
      expect(self.body.error.code).toBe('cannot_change_self');
      const wrong = await client.call(api.eraseUser, {
        params: { id: target.id },
        body: { confirmation: 'someone@else.test' },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.details.issues[0]).toMatchObject({
        field: 'confirmation',
        reason: 'confirmation_mismatch',
      });
      await signIn(t.server, target); // still there
      expect(
        (await member.client.call(api.updatePrivacySettings, { body: { erasureContent: 'delete' } })).status,
      ).toBe(403);
    });

    it('keeps content as a former employee’s, in the reader’s language, and removes everything personal', async () => {
      expect((await admin.call(api.getPrivacySettings)).body).toEqual({ erasureContent: 'keep' });
      const lucie = await person(t.server, { name: 'Lucie Vauquelin' });
      const reader = await person(t.server, { name: 'Reader En' });
      const frUser = await buildUser(t.server, { locale: 'fr' });
      const lecteur = await signIn(t.server, frUser);
      const written = await post(lucie.client, null, 'The zebrafish protocol works');
      await lucie.client.call(api.setMySkills, { body: { skills: ['Zebrafish'] } });
      await lucie.client.call(api.followPerson, { params: { id: reader.id } });
      await putPhoto(lucie.client, 'me.png', PNG);
      const photoKey = (
        await t.server.ctx.db
          .selectFrom('users')
          .select('photo_key')
          .where('id', '=', lucie.id)
          .executeTakeFirstOrThrow()
      ).photo_key!;

      const res = await admin.call(api.eraseUser, {
        params: { id: lucie.id },
        body: { confirmation: lucie.email },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ content: 'keep', removed: { posts: 0, comments: 0 } });
      await drainJobs(t.server);

      const seen = await reader.client.call(api.getPost, { params: { id: written.id } });
      expect(seen.body.post?.author ?? seen.body.author).toMatchObject({ name: 'Former employee' });
      expect(seen.text).not.toContain('Lucie');
      const vu = await lecteur.call(api.getPost, { params: { id: written.id } });
      expect(vu.body.post?.author ?? vu.body.author).toMatchObject({ name: 'Ancien collaborateur' });
      // Her words stay findable; she does not.
      const byText = await reader.client.call(api.search, { query: { q: 'zebrafish' } });
      expect(byText.body.items.map((i: { id: string }) => i.id)).toContain(written.id);
      expect(byText.text).not.toContain('Vauquelin');
      expect((await reader.client.call(api.search, { query: { q: 'Vauquelin' } })).body.items).toEqual([]);
      const profile = await reader.client.call(api.getPerson, { params: { id: lucie.id } });
      expect(profile.body).toMatchObject({ person: { name: 'Former employee', photoUrl: null }, skills: [] });
      expect(profile.text).not.toContain(lucie.email);
      // She can never come back.
      expect((await lucie.client.call(api.getMe)).status).toBe(401);
      const signInAgain = await t.server.client().call(api.signIn, {
        body: { email: lucie.email, password: PASSWORD },
      });
      expect(signInAgain.status).toBe(401);
      expect((await admin.call(api.reactivateUser, { params: { id: lucie.id } })).status).toBe(409);
      expect(fs.existsSync(path.join(t.server.ctx.config.FILES_DIR, photoKey.slice(0, 2), photoKey))).toBe(
        false,
      );
      const left = await t.server.ctx.db
        .selectFrom('follows')
        .select('follower_id')
        .where('follower_id', '=', lucie.id)
        .execute();
      expect(left).toEqual([]);
      // The audit record names her by id only.
      const audit = await admin.call(api.listAudit, { query: { action: 'user.erased', targetId: lucie.id } });
      expect(audit.body.items).toHaveLength(1);
      expect(JSON.stringify(audit.body.items[0])).not.toContain(lucie.email);
      expect(JSON.stringify(audit.body.items[0])).not.toContain('Vauquelin');
    });

    it('deletes their content when the organisation chose so: posts, comments, files and search rows gone', async () => {
      expect(
        (await admin.call(api.updatePrivacySettings, { body: { erasureContent: 'delete' } })).body,
      ).toEqual({
        erasureContent: 'delete',
      });
      const hugo = await person(t.server, { name: 'Hugo Departing' });
      const reader = await person(t.server);
      const file = await upload(hugo.client, 'plan.txt', Buffer.from('secret plan'));
      const his = await post(hugo.client, null, 'Quasicrystal findings', {
        attachmentIds: [file.body.id],
      });
      const theirs = await post(reader.client, null, 'Open question about lattices');
      await hugo.client.call(api.createComment, {
        params: { id: theirs.id },
        body: { body: 'Hugo thinks lattices rock' },
      });
      const key = (
        await t.server.ctx.db
          .selectFrom('attachments')
          .select('storage_key')
          .where('id', '=', file.body.id)
          .executeTakeFirstOrThrow()
      ).storage_key;

      const res = await admin.call(api.eraseUser, {
        params: { id: hugo.id },
        body: { confirmation: hugo.email },
      });
      expect(res.body).toMatchObject({ content: 'delete', removed: { posts: 1, comments: 1, files: 1 } });
      await drainJobs(t.server);

      expect((await reader.client.call(api.getPost, { params: { id: his.id } })).status).toBe(404);
      expect((await reader.client.call(api.search, { query: { q: 'quasicrystal' } })).body.items).toEqual([]);
      expect((await reader.client.call(api.search, { query: { q: 'rock' } })).body.items).toEqual([]);
      const comments = await reader.client.call(api.listComments, { params: { id: theirs.id } });
      expect(comments.text).not.toContain('lattices rock');
      const after = await reader.client.call(api.getPost, { params: { id: theirs.id } });
      expect(after.body.post?.commentCount ?? after.body.commentCount).toBe(0);
      expect(fs.existsSync(path.join(t.server.ctx.config.FILES_DIR, key.slice(0, 2), key))).toBe(false);
      expect(
        await t.server.ctx.db
          .selectFrom('search_documents')
          .select('id')
          .where('author_id', '=', hugo.id)
          .execute(),
      ).toEqual([]);
      await admin.call(api.updatePrivacySettings, { body: { erasureContent: 'keep' } });
    });
  });
});
