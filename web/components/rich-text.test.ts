import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { RichText } from './RichText.tsx';
import { EXTERNAL_REL, targetOf } from './rich-text-links.ts';

const marie = { id: '0190-marie', handle: 'marie.dupont' };

function render(text: string): string {
  const client = new QueryClient({ defaultOptions: { queries: { enabled: false } } });
  return renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client },
      createElement(MemoryRouter, null, createElement(RichText, { text, mentions: [marie] })),
    ),
  );
}

describe('rich text targets', () => {
  it('sends mentioned people to their profile, other handles to a space lookup', () => {
    expect(targetOf({ type: 'mention', handle: 'marie.dupont' }, [marie])).toEqual({
      kind: 'internal',
      to: '/people/0190-marie',
    });
    expect(targetOf({ type: 'mention', handle: 'design-team' }, [marie])).toEqual({
      kind: 'maybe-space',
      slug: 'design-team',
    });
    // Dots are fine in handles, never in slugs.
    expect(targetOf({ type: 'mention', handle: 'jean.nobody' }, [marie])).toEqual({ kind: 'text' });
  });

  it('sends tags to their page and only http(s) links out', () => {
    expect(targetOf({ type: 'tag', tag: 'été' }, [])).toEqual({
      kind: 'internal',
      to: '/tags/%C3%A9t%C3%A9',
    });
    expect(targetOf({ type: 'link', url: 'https://example.com/a', text: '' }, [])).toEqual({
      kind: 'external',
      href: 'https://example.com/a',
    });
    expect(targetOf({ type: 'link', url: 'javascript:alert(1)', text: '' }, [])).toEqual({ kind: 'text' });
  });
});

describe('RichText', () => {
  it('renders what people write as text, never as markup', () => {
    const html = render('<img src=x onerror=alert(1)> **<b>bold</b>** `<i>`');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<strong>&lt;b&gt;bold&lt;/b&gt;</strong>');
    expect(html).toContain('<code>&lt;i&gt;</code>');
  });

  it('links people, tags and addresses', () => {
    const html = render('Hi @marie.dupont, see https://example.com/x?a=1&b=2. #launch\n\n- one\n- two');
    expect(html).toMatch(/<a class="mention-link" href="\/people\/0190-marie"[^>]*>@marie.dupont<\/a>/);
    expect(html).toContain(
      `<a href="https://example.com/x?a=1&amp;b=2" rel="${EXTERNAL_REL}" target="_blank" class="break">`,
    );
    expect(html).toMatch(/<a class="tag-link" href="\/tags\/launch"[^>]*>#launch<\/a>/);
    expect(html).toContain('<ul><li>one</li><li>two</li></ul>');
  });

  it('keeps an unknown handle as plain text until a space is found', () => {
    expect(render('ping @design-team')).toContain('ping @design-team');
    expect(render('ping @design-team')).not.toContain('href="/spaces/');
  });
});
