// Files attached to posts: typed by their bytes, bounded in size, served so a browser can
// never run them, and only to people who may read the post.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import type { TestClient } from '../helpers/client.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, person, upload } from '../helpers/stream-fixtures.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

const download = (client: TestClient, url: string) =>
  fetch(client.baseUrl + url, {
    headers: {
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-forwarded-for': client.ip,
    },
  });

describe('attachments', () => {
  const t = useServer({ env: { MAX_UPLOAD_MB: '1' } });

  it('types files by their bytes and serves them safely', async () => {
    await setUpOrganisation(t.server);
    const author = await person(t.server);
    const image = await upload(author.client, 'photo.pdf', PNG, 'application/pdf');
    expect(image.status).toBe(201);
    expect(image.body).toMatchObject({ fileName: 'photo.pdf', contentType: 'image/png', isImage: true });
    const html = await upload(
      author.client,
      'page.html',
      Buffer.from('<script>alert(1)</script>'),
      'text/html',
    );
    expect(html.body).toMatchObject({ contentType: 'text/plain', isImage: false });

    const res = await download(author.client, image.body.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="photo.pdf"/);
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    // Never kept by the browser: reading it again after losing access must ask the server.
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    const script = await download(author.client, html.body.url);
    expect(script.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(script.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it('keeps a hostile file name out of headers', async () => {
    const author = await person(t.server);
    const up = await upload(author.client, '../../Budget "été"\r\nX-Evil: 1.txt', Buffer.from('a,b\n1,2\n'));
    expect(up.status).toBe(201);
    // No path, no quote, no line break survives, whatever the browser encoded.
    expect(up.body.fileName).toMatch(/^Budget [^/\\"\r\n]*X-Evil 1\.txt$/);
    const res = await download(author.client, up.body.url);
    expect(res.headers.get('x-evil')).toBe(null);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[^"\r\n]*"; filename\*=UTF-8''Budget/,
    );
  });

  it('refuses a file over the limit and keeps nothing of it', async () => {
    const author = await person(t.server);
    const files = () =>
      (fs.readdirSync(t.server.ctx.config.FILES_DIR, { recursive: true }) as string[]).filter((f) =>
        fs.statSync(`${t.server.ctx.config.FILES_DIR}/${f}`).isFile(),
      );
    const filesBefore = files().length;
    const big = await upload(author.client, 'big.bin', Buffer.alloc(1024 * 1024 + 10, 1));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    expect(files().filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(files().length).toBe(filesBefore);
    const none = await author.client.post('/api/v1/attachments', {});
    expect(none.status).toBe(400);
    expect(none.body.error.details.issues[0].field).toBe('file');
  });

  it('shows a file only to its uploader until attached, then to readers of the post only', async () => {
    const owner = await person(t.server);
    const member = await person(t.server);
    const outsider = await person(t.server);
    const space = await makeSpace(t.server, { visibility: 'private', owner, members: [member] });
    const up = await upload(owner.client, 'plan.pdf', Buffer.from('%PDF-1.7\n...'));
    expect((await download(member.client, up.body.url)).status).toBe(404);
    const post = await owner.client.call(api.createPost, {
      body: { spaceId: space.id, body: 'Le plan', attachmentIds: [up.body.id] },
    });
    expect(post.body.attachments).toEqual([up.body]);
    expect((await download(member.client, up.body.url)).status).toBe(200);
    expect((await download(outsider.client, up.body.url)).status).toBe(404);
    // Someone else's upload cannot be attached.
    const stolen = await member.client.call(api.createPost, {
      body: { spaceId: space.id, body: 'Mine now', attachmentIds: [up.body.id] },
    });
    expect(stolen.status).toBe(400);
  });
});
