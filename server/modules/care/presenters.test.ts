import { describe, expect, it } from 'vitest';
import { excerpt, slaOf } from './presenters.ts';
import type { ConversationRow } from './queries.ts';

const at = (iso: string) => new Date(`2026-12-03T${iso}:00Z`);
const row = (over: Partial<ConversationRow>) =>
  ({
    status: 'open',
    first_response_at: null,
    first_response_due_at: at('10:00'),
    resolution_due_at: at('17:00'),
    sla_warned_at: null,
    first_response_breached_at: null,
    resolution_breached_at: null,
    ...over,
  }) as ConversationRow;

describe('slaOf', () => {
  it('is ok before the targets, warning once warned, breached once a target passed', () => {
    expect(slaOf(row({}), at('09:00')).state).toBe('ok');
    expect(slaOf(row({ sla_warned_at: at('09:50') }), at('09:55')).state).toBe('warning');
    // Past due counts at once, before the watch has marked it.
    expect(slaOf(row({}), at('10:01')).state).toBe('breached');
    expect(slaOf(row({ first_response_breached_at: at('10:01') }), at('10:02')).state).toBe('breached');
  });

  it('counts a first response as meeting its target, and stays breached once marked, even resolved', () => {
    expect(slaOf(row({ first_response_at: at('09:30') }), at('11:00')).state).toBe('ok');
    expect(slaOf(row({ status: 'resolved' }), at('18:00')).state).toBe('ok');
    expect(slaOf(row({ status: 'resolved', resolution_breached_at: at('17:01') }), at('18:00')).state).toBe(
      'breached',
    );
  });

  it('is none without targets', () => {
    expect(slaOf(row({ first_response_due_at: null, resolution_due_at: null }), at('09:00')).state).toBe(
      'none',
    );
  });
});

describe('excerpt', () => {
  it('keeps one line, cut with an ellipsis', () => {
    expect(excerpt('Bonjour,\n\n  merci')).toBe('Bonjour, merci');
    expect(excerpt('x'.repeat(300))).toHaveLength(200);
    expect(excerpt(null)).toBe('');
  });
});
