// Emailed links carry their token in the fragment (`/invitation#token=…`): browsers never
// send a fragment to a server, so it stays out of access logs and Referer headers.
export function readFragmentToken(hash: string): string | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text) return null;
  const token = new URLSearchParams(text).get('token');
  return token ? token.trim() || null : null;
}
