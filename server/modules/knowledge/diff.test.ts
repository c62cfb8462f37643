import { describe, expect, it } from 'vitest';
import { diffLines } from './diff.ts';

describe('diffLines', () => {
  it('keeps common lines and marks what was removed and added', () => {
    expect(diffLines('a\nb\nc', 'a\nB\nc\nd')).toEqual([
      { op: 'same', text: 'a' },
      { op: 'removed', text: 'b' },
      { op: 'added', text: 'B' },
      { op: 'same', text: 'c' },
      { op: 'added', text: 'd' },
    ]);
  });

  it('handles empty texts', () => {
    expect(diffLines('', 'x')).toEqual([{ op: 'added', text: 'x' }]);
    expect(diffLines('x', '')).toEqual([{ op: 'removed', text: 'x' }]);
    expect(diffLines('', '')).toEqual([]);
  });
});
