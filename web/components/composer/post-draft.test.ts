import { describe, expect, it } from 'vitest';
import { composerField, type Draft, toCreateBody } from './post-draft.ts';

const now = new Date('2026-05-20T12:00:00Z');
const draft = (over: Partial<Draft> = {}): Draft => ({
  body: 'Hello #team',
  spaceId: null,
  isAnnouncement: false,
  attachmentIds: [],
  poll: null,
  ...over,
});

describe('post draft', () => {
  it('makes the body of createPost', () => {
    expect(toCreateBody(draft(), now)).toEqual({
      ok: true,
      body: { spaceId: null, body: 'Hello #team', isAnnouncement: false, attachmentIds: [] },
    });
  });

  it('drops empty poll options and wants two', () => {
    const result = toCreateBody(
      draft({ poll: { options: ['Yes', '  ', ''], multiple: false, closesAt: '' } }),
      now,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => [i.field, i.reason])).toEqual([['options', 'too_small']]);
  });

  it('sends a closing date in the future as ISO, refuses one in the past', () => {
    const ok = toCreateBody(
      draft({ poll: { options: ['A', 'B'], multiple: true, closesAt: '2026-06-01T10:00' } }),
      now,
    );
    expect(ok.ok && ok.body.poll?.closesAt).toBe(new Date('2026-06-01T10:00').toISOString());
    const past = toCreateBody(
      draft({ poll: { options: ['A', 'B'], multiple: true, closesAt: '2020-01-01T10:00' } }),
      now,
    );
    expect(!past.ok && past.issues.map((i) => [i.field, i.reason])).toEqual([['closesAt', 'in_past']]);
  });

  it('asks for text', () => {
    const result = toCreateBody(draft({ body: '   ' }), now);
    expect(!result.ok && result.issues.map((i) => i.field)).toEqual(['body']);
  });

  it('maps server paths onto the composer fields', () => {
    expect(composerField('poll.options.2')).toBe('options');
    expect(composerField('poll.closesAt')).toBe('closesAt');
    expect(composerField('attachmentIds.1')).toBe('attachments');
    expect(composerField('body')).toBe('body');
  });
});
