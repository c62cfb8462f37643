import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Comment } from '../../../common/schemas/stream.ts';
import { setupI18n } from '../../i18n/setup.ts';
import { groupReplies } from './CommentThread.tsx';
import { ReactionBar } from './ReactionBar.tsx';

beforeAll(() => {
  setupI18n('en');
});

describe('reaction bar', () => {
  it('names each reaction with its count, and says which one is mine', () => {
    const html = renderToStaticMarkup(
      createElement(ReactionBar, { reactions: { like: 3, curious: 1 }, mine: 'like', onReact: () => {} }),
    );
    expect(html).toContain('role="group" aria-label="Reactions"');
    expect(html).toMatch(/aria-pressed="true"[^>]*title="Like"/);
    expect(html).toContain('Like: 3 people');
    expect(html).toContain('Curious: 1 person');
    expect(html).toContain('Celebrate: 0 people');
    expect(html.match(/aria-pressed="true"/g)).toHaveLength(1);
  });
});

describe('comment threads', () => {
  const c = (id: string, parentId: string | null) => ({ id, parentId }) as Comment;
  it('puts replies under their comment, in order', () => {
    const threads = groupReplies([c('a', null), c('b', null), c('a1', 'a'), c('b1', 'b'), c('a2', 'a')]);
    expect(threads.map((t) => [t.comment.id, t.replies.map((r) => r.id)])).toEqual([
      ['a', ['a1', 'a2']],
      ['b', ['b1']],
    ]);
  });
});
