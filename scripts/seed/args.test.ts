import { describe, expect, it } from 'vitest';
import { DEFAULT_USERS, parseSeedArgs } from './args.ts';

describe('seed:demo arguments', () => {
  it('defaults to a realistic organisation', () => {
    expect(parseSeedArgs([])).toEqual({ users: DEFAULT_USERS, reset: false });
  });

  it('reads --users in both spellings, and --reset', () => {
    expect(parseSeedArgs(['--users', '10000', '--reset'])).toEqual({ users: 10_000, reset: true });
    expect(parseSeedArgs(['--users=500'])).toEqual({ users: 500, reset: false });
  });

  it('names the argument and what it expects when a value is wrong', () => {
    for (const bad of [
      ['--users', 'abc'],
      ['--users', '0'],
      ['--users', '1.5'],
      ['--users', '200001'],
      ['--users'],
    ]) {
      expect(() => parseSeedArgs(bad)).toThrow(/--users expects a whole number from 10 to 100000/);
    }
    expect(() => parseSeedArgs(['--user', '5'])).toThrow(/Unknown argument "--user"/);
  });
});
