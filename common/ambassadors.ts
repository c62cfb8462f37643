// Ambassador networks and their public share addresses: sharing needs no write API, only the
// address each network publishes for "share this link". Used by the web page and the tests.
export const NETWORKS = ['linkedin', 'x', 'facebook', 'bluesky', 'generic'] as const;
export type Network = (typeof NETWORKS)[number];

/** The network's public share page for a text and a link; null for the generic variant (copy only). */
export function shareUrl(network: Network, text: string, link: string): string | null {
  const e = encodeURIComponent;
  switch (network) {
    case 'linkedin':
      return `https://www.linkedin.com/sharing/share-offsite/?url=${e(link)}`;
    case 'x':
      return `https://twitter.com/intent/tweet?text=${e(text)}&url=${e(link)}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${e(link)}`;
    case 'bluesky':
      return `https://bsky.app/intent/compose?text=${e(`${text} ${link}`)}`;
    default:
      return null;
  }
}

/** The text as shared: the ambassador's words, then the disclosure line when the kit adds one. */
export function sharedText(text: string, disclosure: string | null): string {
  return disclosure ? `${text.trim()}\n\n${disclosure}` : text.trim();
}
