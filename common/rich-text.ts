// Trame's Markdown-style text, parsed into a small tree that the web app renders as React
// elements (never as HTML), so no text a person writes can become markup. The server
// uses the same parser to find the mentions, tags and links a post carries.
//
// Supported: paragraphs (blank line), line breaks, bullet lists ("- "), **bold**,
// *italic*, `code`, links (http/https only), @mentions (@handle or @space-slug),
// #tags. Anything else is plain text.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'bold'; children: Inline[] }
  | { type: 'italic'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; url: string; text: string }
  | { type: 'mention'; handle: string }
  | { type: 'tag'; tag: string }
  | { type: 'break' };

export type Block = { type: 'paragraph'; children: Inline[] } | { type: 'list'; items: Inline[][] };

export const TAG_PATTERN = /^[\p{L}\p{N}_][\p{L}\p{N}_-]{0,49}$/u;
export const HANDLE_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

// Each token starts at a position where the previous character is not a word character,
// so "e-mail@example.com" is not a mention and "page#3" is not a tag.
const INLINE =
  /(\*\*(.+?)\*\*)|(\*([^*\s](?:[^*]*[^*\s])?)\*)|(`([^`]+)`)|(https?:\/\/[^\s<>"'`]+)|((?<![\p{L}\p{N}_.@/-])@([a-z0-9][a-z0-9._-]{0,63}))|((?<![\p{L}\p{N}_&/#])#([\p{L}\p{N}_][\p{L}\p{N}_-]{0,49}))/gu;

/** Trailing punctuation is rarely part of a URL someone typed in a sentence. */
function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0 && /[.,;:!?)\]}]/.test(url[end - 1]!)) {
    if (url[end - 1] === ')' && url.slice(0, end).split('(').length > url.slice(0, end).split(')').length - 1)
      break;
    end--;
  }
  return url.slice(0, end);
}

function trimHandle(handle: string): string {
  return handle.replace(/[._-]+$/, '');
}

export function parseInline(text: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  const push = (t: string) => {
    if (!t) return;
    const prev = out.at(-1);
    if (prev?.type === 'text') prev.text += t;
    else out.push({ type: 'text', text: t });
  };
  // A fresh regex per call: the pattern is global (stateful) and this function recurses.
  const re = new RegExp(INLINE.source, INLINE.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index;
    push(text.slice(last, start));
    let consumed = m[0].length;
    if (m[1] && depth < 3) out.push({ type: 'bold', children: parseInline(m[2]!, depth + 1) });
    else if (m[3] && depth < 3) out.push({ type: 'italic', children: parseInline(m[4]!, depth + 1) });
    else if (m[5]) out.push({ type: 'code', text: m[6]! });
    else if (m[7]) {
      const url = trimUrl(m[7]);
      consumed = url.length;
      out.push({ type: 'link', url, text: url });
    } else if (m[8]) {
      const handle = trimHandle(m[9]!);
      consumed = handle.length + 1;
      out.push({ type: 'mention', handle });
    } else if (m[10]) {
      out.push({ type: 'tag', tag: m[11]!.toLowerCase() });
    } else push(m[0]);
    last = start + consumed;
    re.lastIndex = last;
  }
  push(text.slice(last));
  return out;
}

function withBreaks(lines: string[]): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push({ type: 'break' });
    out.push(...parseInline(line));
  });
  return out;
}

export function parseRichText(source: string): Block[] {
  const blocks: Block[] = [];
  const paragraphs = source.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  for (const para of paragraphs) {
    const lines = para.split('\n').filter((l, i, all) => l.trim() !== '' || (i > 0 && i < all.length - 1));
    if (lines.length === 0) continue;
    if (lines.every((l) => /^\s*[-*] /.test(l))) {
      blocks.push({ type: 'list', items: lines.map((l) => parseInline(l.replace(/^\s*[-*] /, ''))) });
    } else {
      blocks.push({ type: 'paragraph', children: withBreaks(lines) });
    }
  }
  return blocks;
}

function walk(blocks: Block[], visit: (node: Inline) => void): void {
  const inline = (nodes: Inline[]) => {
    for (const node of nodes) {
      visit(node);
      if (node.type === 'bold' || node.type === 'italic') inline(node.children);
    }
  };
  for (const block of blocks) {
    if (block.type === 'paragraph') inline(block.children);
    else for (const item of block.items) inline(item);
  }
}

/** What a text refers to: distinct mentions, tags and links, in order of appearance. */
export function extractReferences(source: string): { handles: string[]; tags: string[]; links: string[] } {
  const handles = new Set<string>();
  const tags = new Set<string>();
  const links = new Set<string>();
  walk(parseRichText(source), (node) => {
    if (node.type === 'mention') handles.add(node.handle);
    else if (node.type === 'tag') tags.add(node.tag);
    else if (node.type === 'link') links.add(node.url);
  });
  return { handles: [...handles], tags: [...tags], links: [...links] };
}

/** Plain text of a body, for excerpts in notifications and titles. */
export function plainExcerpt(source: string, max = 140): string {
  const flat = source.replace(/[*`]/g, '').replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
