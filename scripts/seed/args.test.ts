import { describe, expect, it } from 'vitest';
import { DEFAULT_USERS, MAX_USERS, parseSeedArgs } from './args.ts';

describe('seed:demo arguments', () => {
  it('defaults to a realistic organisation', () => {
    expect(parseSeedArgs([])).toEqual({ users: DEFAULT_USERS, reset: false });
  });

  it('reads --users in both spellings, and --reset', () => {
    expect(parseSeedArgs(['--users', '10000', '--reset'])).toEqual({ users: 10_000, reset: true });
    expect(parseSeedArgs(['--reset', '--users=500'])).toEqual({ users: 500, reset: true });
    expect(parseSeedArgs(['--users', '10']).users).toBe(10);
    expect(parseSeedArgs(['--users', String(MAX_USERS)]).users).toBe(100_000);
  });

  it('names the argument and what it expects when a value is wrong', () => {
    for (const bad of [
      ['--users', 'abc'],
      ['--users', '0'],
      ['--users', '9'],
      ['--users', '-5'],
      ['--users', '1.5'],
      ['--users', '1e4'],
      ['--users', '100001'],
      ['--users='],
      ['--users'],
      ['--users', '--reset'],
    ]) {
      expect(() => parseSeedArgs(bad), bad.join(' ')).toThrow(
        /^--users expects a whole number from 10 to 100000, got /,
      );
    }
    expect(() => parseSeedArgs(['--users', 'abc'])).toThrow('got "abc".');
  });

  it('refuses what it does not know, with the usage', () => {
    expect(() => parseSeedArgs(['--user', '5'])).toThrow(
      'Unknown argument "--user". Usage: npm run seed:demo -- [--users N] [--reset]',
    );
  });
});
