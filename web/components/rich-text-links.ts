// Where each reference in a post leads. Kept apart from the renderer so the rules are
// tested as plain functions: links leave the app with rel/target that deny the opened page
// any hold on Trame; mentions of people go to their profile; #tags to the tag's page.
import { HANDLE_PATTERN, type Inline } from '../../common/rich-text.ts';
import { SLUG_PATTERN } from '../../common/schemas/spaces.ts';

/** `ugc`/`nofollow`: written by people, not endorsed; `noopener noreferrer`: no window.opener, no Referer. */
export const EXTERNAL_REL = 'noopener noreferrer nofollow ugc';

export type Target =
  | { kind: 'external'; href: string }
  | { kind: 'internal'; to: string }
  /** A handle no mentioned person has: perhaps a space's slug, to look up. */
  | { kind: 'maybe-space'; slug: string }
  | { kind: 'text' };

export interface MentionedPerson {
  id: string;
  handle: string;
}

export const personPath = (id: string) => `/people/${encodeURIComponent(id)}`;
export const spacePath = (slug: string) => `/spaces/${encodeURIComponent(slug)}`;
export const tagPath = (tag: string) => `/tags/${encodeURIComponent(tag)}`;
export const postPath = (id: string) => `/posts/${encodeURIComponent(id)}`;

export function isHttpUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export function targetOf(node: Inline, mentions: readonly MentionedPerson[]): Target {
  switch (node.type) {
    case 'link':
      return isHttpUrl(node.url) ? { kind: 'external', href: node.url } : { kind: 'text' };
    case 'tag':
      return { kind: 'internal', to: tagPath(node.tag) };
    case 'mention': {
      const handle = node.handle.toLowerCase();
      const person = mentions.find((p) => p.handle.toLowerCase() === handle);
      if (person) return { kind: 'internal', to: personPath(person.id) };
      if (HANDLE_PATTERN.test(handle) && SLUG_PATTERN.test(handle))
        return { kind: 'maybe-space', slug: handle };
      return { kind: 'text' };
    }
    default:
      return { kind: 'text' };
  }
}
