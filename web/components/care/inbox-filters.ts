// The inbox's filters live in the address (/care?status=pending&who=mine&tag=livraison), so a
// filtered list can be bookmarked, shared and reopened with the back button. One function
// reads them, one writes them, one turns them into the API's query.
import type { CareFilters } from '../../../common/schemas/care.ts';

export type Who = 'all' | 'mine' | 'unassigned';
/** The tabs above the list: a status, or the conversations that missed an SLA target. */
export type InboxTab = 'open' | 'pending' | 'resolved' | 'breaches';

export interface InboxFilters {
  tab: InboxTab;
  who: Who;
  team: string;
  tag: string;
  channel: string;
  priority: string;
  q: string;
  /** The saved view these filters came from, if any (shown as picked). */
  view: string;
}

const TABS: readonly InboxTab[] = ['open', 'pending', 'resolved', 'breaches'];
const WHO: readonly Who[] = ['all', 'mine', 'unassigned'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];

const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

export function readInboxFilters(params: URLSearchParams): InboxFilters {
  return {
    tab: pick(params.get('tab'), TABS, 'open'),
    who: pick(params.get('who'), WHO, 'all'),
    team: params.get('team') ?? '',
    tag: params.get('tag') ?? '',
    channel: params.get('channel') ?? '',
    priority: pick(params.get('priority'), PRIORITIES, ''),
    q: params.get('q') ?? '',
    view: params.get('view') ?? '',
  };
}

/** The address's query string, leaving out what is at its default. */
export function writeInboxFilters(filters: InboxFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.tab !== 'open') params.set('tab', filters.tab);
  if (filters.who !== 'all') params.set('who', filters.who);
  for (const key of ['team', 'tag', 'channel', 'priority', 'q', 'view'] as const) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  return params;
}

/** What the list endpoint is asked. */
export function apiQuery(filters: InboxFilters): CareFilters {
  const query: CareFilters = {};
  if (filters.tab === 'breaches') query.breached = true;
  else query.status = filters.tab;
  if (filters.who === 'mine') query.assignee = 'me';
  if (filters.who === 'unassigned') query.assignee = 'none';
  if (filters.team) query.team = filters.team;
  if (filters.tag.trim()) query.tag = filters.tag.trim().replace(/^#/, '').toLowerCase();
  if (filters.channel) query.channel = filters.channel;
  if (filters.priority) query.priority = filters.priority as CareFilters['priority'];
  if (filters.q.trim()) query.q = filters.q.trim();
  return query;
}

/** A saved view's filters (as the API keeps them) back into the address's form. */
export function fromSaved(saved: CareFilters, view: string): InboxFilters {
  return {
    tab: saved.breached ? 'breaches' : (saved.status ?? 'open'),
    who: saved.assignee === 'me' ? 'mine' : saved.assignee === 'none' ? 'unassigned' : 'all',
    team: saved.team ?? '',
    tag: saved.tag ?? '',
    channel: saved.channel ?? '',
    priority: saved.priority ?? '',
    q: saved.q ?? '',
    view,
  };
}
