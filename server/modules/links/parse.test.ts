import { describe, expect, it } from 'vitest';
import { parsePreview } from './parse.ts';

describe('link preview parsing', () => {
  it('prefers Open Graph, then Twitter, then plain HTML', () => {
    const html = `<html><head><title>Plain title</title>
      <meta property="og:title" content="Lancement &amp; gamme Aurore">
      <meta name="twitter:description" content='Des luminaires &#233;l&eacute;gants'>
      <meta property="og:image" content="/img/aurore.png"><meta property="og:site_name" content="Atelier Lumen">
      </head><body>…</body></html>`;
    expect(parsePreview(html, 'https://lumen.example/aurore/')).toEqual({
      title: 'Lancement & gamme Aurore',
      description: 'Des luminaires élégants',
      imageUrl: 'https://lumen.example/img/aurore.png',
      siteName: 'Atelier Lumen',
    });
  });

  it('keeps markup out: a title with HTML or script becomes plain text', () => {
    const html = '<title><script>alert(1)</script>Hello <b>world</b>\u0007</title>';
    const preview = parsePreview(html, 'https://x.example/');
    expect(preview.title).toBe('alert(1) Hello world');
    expect(preview.siteName).toBe('x.example');
  });

  it('drops images that are not http(s), and bounds lengths', () => {
    const html = `<meta property="og:image" content="javascript:alert(1)"><meta name="description" content="${'a'.repeat(900)}">`;
    const preview = parsePreview(html, 'https://x.example/');
    expect(preview.imageUrl).toBe(null);
    expect(preview.description).toHaveLength(500);
  });
});
