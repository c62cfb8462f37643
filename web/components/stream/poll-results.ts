import type { Poll } from '../../../common/schemas/stream.ts';

export interface PollResult {
  id: string;
  label: string;
  votes: number;
  /** Share of the votes cast, 0–100, rounded. */
  percent: number;
  percentLabel: string;
  mine: boolean;
}

/**
 * Each option's share of all votes cast (in a multiple-choice poll a voter casts several, so
 * shares are of votes, not of voters, and always add up to about 100 %).
 */
export function pollResults(poll: Poll, language: string): PollResult[] {
  const format = new Intl.NumberFormat(language, { style: 'percent' });
  const total = poll.options.reduce((sum, o) => sum + (o.votes ?? 0), 0);
  return poll.options.map((o) => {
    const votes = o.votes ?? 0;
    const percent = total === 0 ? 0 : Math.round((votes / total) * 100);
    return {
      id: o.id,
      label: o.label,
      votes,
      percent,
      percentLabel: format.format(percent / 100),
      mine: poll.myVotes.includes(o.id),
    };
  });
}
