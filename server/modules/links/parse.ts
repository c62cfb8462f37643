// Title, description, image and site name of a web page, from Open Graph, Twitter card
// and plain HTML tags. Only text comes out: entities decoded, tags and control characters
// removed, lengths bounded. The web app shows it as text, never as markup.

export interface PagePreview {
  title: string | null;
  description: string | null;
  imageUrl: string | null;
  siteName: string | null;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  agrave: 'à',
  acirc: 'â',
  ccedil: 'ç',
  ocirc: 'ô',
  ucirc: 'û',
  icirc: 'î',
  iuml: 'ï',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  copy: '©',
  euro: '€',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n =
        code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1));
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
    }
    return NAMED[code] ?? NAMED[code.toLowerCase()] ?? whole;
  });
}

function clean(raw: string | undefined, max: number): string | null {
  if (!raw) return null;
  const text = decodeEntities(raw.replace(/<[^>]*>/g, ' '))
    .replace(/<[^>]*>/g, ' ')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove.
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return null;
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z:-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    out[m[1]!.toLowerCase()] = m[3] ?? m[4] ?? m[5] ?? '';
  }
  return out;
}

export function parsePreview(html: string, pageUrl: string): PagePreview {
  const head = html.slice(0, 512 * 1024);
  const meta = new Map<string, string>();
  // A tag ends at the first '>' outside quotes (a quoted value may contain one).
  for (const m of head.matchAll(/<meta\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi)) {
    const a = attributes(m[0]);
    const key = (a.property ?? a.name ?? '').toLowerCase();
    if (key && a.content !== undefined && !meta.has(key)) meta.set(key, a.content);
  }
  const titleTag = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(head)?.[1];
  const image = meta.get('og:image') ?? meta.get('twitter:image');
  let imageUrl: string | null = null;
  if (image) {
    try {
      const resolved = new URL(decodeEntities(image.trim()), pageUrl);
      if (resolved.protocol === 'https:' || resolved.protocol === 'http:')
        imageUrl = resolved.toString().slice(0, 2000);
    } catch {
      imageUrl = null;
    }
  }
  return {
    title: clean(meta.get('og:title') ?? meta.get('twitter:title') ?? titleTag, 200),
    description: clean(
      meta.get('og:description') ?? meta.get('twitter:description') ?? meta.get('description'),
      500,
    ),
    imageUrl,
    siteName: clean(meta.get('og:site_name'), 100) ?? new URL(pageUrl).hostname,
  };
}
