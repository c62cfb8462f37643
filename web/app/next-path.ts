// Where to go after signing in. Only a path on this site is accepted: `/people?q=a`, never
// `//evil.example`, `/\evil.example`, `https://…` or `javascript:` — an open redirect otherwise.
export function safeNextPath(value: string | null | undefined): string | null {
  if (!value || value.length > 2000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // Control characters and backslashes are read as slashes by some browsers.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting them is the point
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  try {
    const url = new URL(value, 'https://trame.invalid');
    if (url.origin !== 'https://trame.invalid') return null;
    if (url.pathname === '/sign-in' || url.pathname === '/setup') return null;
    return url.pathname + url.search + url.hash;
  } catch {
    return null;
  }
}

/** `/sign-in?next=/people` for a page that needs an account; plain `/sign-in` for the home page. */
export function signInPath(next: string | null): string {
  const safe = safeNextPath(next);
  return safe && safe !== '/' ? `/sign-in?next=${encodeURIComponent(safe)}` : '/sign-in';
}
