import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LinkPreview } from '../../../common/schemas/stream.ts';
import { setupI18n } from '../../i18n/setup.ts';
import { LinkPreviewCard } from './LinkPreviewCard.tsx';

const ready: LinkPreview = {
  url: 'https://lumen.example/aurore',
  status: 'ready',
  title: 'Aurore <b>launch</b>',
  description: 'The new range',
  imageUrl: 'https://lumen.example/img/aurore.png',
  siteName: null,
};
const render = (link: LinkPreview) => renderToStaticMarkup(createElement(LinkPreviewCard, { link }));

describe('link preview card', () => {
  beforeAll(() => {
    setupI18n('en');
  });

  it('shows the text of another site as text, and no image the CSP would refuse', () => {
    const html = render(ready);
    expect(html).toContain('Aurore &lt;b&gt;launch&lt;/b&gt;');
    expect(html).toContain('lumen.example');
    expect(html).toContain('rel="noopener noreferrer nofollow ugc"');
    expect(html).not.toContain('<img');
  });

  it('shows an image Trame serves itself', () => {
    expect(render({ ...ready, imageUrl: '/api/v1/link-previews/x/image' })).toContain(
      '<img class="link-card-image" src="/api/v1/link-previews/x/image"',
    );
    expect(render({ ...ready, imageUrl: '//evil.example/x.png' })).not.toContain('<img');
  });

  it('shows nothing until the preview is ready', () => {
    expect(render({ ...ready, status: 'pending' })).toBe('');
    expect(render({ ...ready, status: 'failed' })).toBe('');
    expect(render({ ...ready, url: 'javascript:alert(1)' })).toBe('');
  });
});
