import { describe, expect, it } from 'vitest';
import type { Poll } from '../../../common/schemas/stream.ts';
import { pollResults } from './poll-results.ts';

const poll = (votes: (number | null)[], mine: string[] = []): Poll => ({
  multiple: false,
  closesAt: null,
  closed: false,
  voterCount: 3,
  myVotes: mine,
  options: votes.map((v, i) => ({ id: `o${i}`, label: `Option ${i}`, votes: v })),
});

describe('poll results', () => {
  it('gives each option its share of the votes, in the reader’s language', () => {
    const results = pollResults(poll([2, 1, 0], ['o0']), 'en');
    expect(results.map((r) => [r.percent, r.percentLabel, r.mine])).toEqual([
      [67, '67%', true],
      [33, '33%', false],
      [0, '0%', false],
    ]);
    expect(pollResults(poll([1, 1]), 'fr')[0]!.percentLabel).toMatch(/^50\s%$/);
  });

  it('shows zero everywhere before any vote', () => {
    expect(pollResults(poll([0, 0]), 'en').map((r) => r.percent)).toEqual([0, 0]);
  });
});
