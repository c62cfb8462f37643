// RSS 2.0 and Atom, read with fast-xml-parser into plain entries. Only text comes out: HTML in
// titles and contents is stripped (scripts and styles with their content), entities decoded.
// Entities a document declares itself are never expanded (no billion laughs), nothing
// external is ever read.
import { createHash } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { decodeEntities } from '../../../links/parse.ts';

export interface FeedEntry {
  /** guid / id, else a hash of the link, else of the title and date. */
  id: string;
  title: string;
  body: string;
  author: string | null;
  link: string | null;
  published: string | null;
}

export interface ParsedFeed {
  title: string;
  entries: FeedEntry[];
}

export class FeedInvalid extends Error {}

const MAX_ENTRIES = 200;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  cdataPropName: '#cdata',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['item', 'entry', 'link', 'category'].includes(name),
  // Atom content may be XHTML (mixed markup): kept raw, in document order, then stripped.
  stopNodes: ['feed.entry.content', 'feed.entry.summary'],
});

type Node = string | number | boolean | null | undefined | Node[] | { [key: string]: Node };

/** The text of an element: its own text (XML-decoded), CDATA (as is), and nested elements' (XHTML). */
function textOf(node: Node): string {
  if (node === null || node === undefined) return '';
  if (typeof node === 'string') return decodeEntities(node);
  if (typeof node !== 'object') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join(' ');
  const parts: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@_')) continue;
    if (key === '#cdata') parts.push(Array.isArray(value) ? value.map(String).join('') : String(value));
    else parts.push(textOf(value));
  }
  return parts.join(' ');
}

/** Plain text from an HTML fragment. */
export function htmlToText(html: string): string {
  return (
    decodeEntities(
      html
        .replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
        .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
        .replace(/<(br|\/p|\/div|\/li|\/h\d)\b[^>]*>/gi, '\n')
        .replace(/<[^>]*>/g, ' ')
        .replace(/</g, ' '),
    )
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove.
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]+/g, ' ')
      .replace(/[ \t\u00a0]+/g, ' ')
      .replace(/ *\n[\s]*/g, '\n')
      .trim()
  );
}

const oneLine = (text: string, max: number) => text.replace(/\s+/g, ' ').trim().slice(0, max);

const attr = (node: Node, name: string): string | null => {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    const v = node[`@_${name}`];
    return typeof v === 'string' ? v : null;
  }
  return null;
};

const hash = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

function entryId(raw: string, link: string | null, title: string, published: string | null): string {
  const id = raw.trim();
  if (id && id.length <= 200) return id;
  if (id) return hash(id);
  return hash(link ?? `${title}\n${published ?? ''}`);
}

function rssAuthor(item: Record<string, Node>): string | null {
  const creator = textOf(item['dc:creator']).trim();
  if (creator) return creator;
  // RSS 2.0's author is an email address, often followed by the name in parentheses.
  const author = textOf(item.author).trim();
  const named = /\(([^)]+)\)\s*$/.exec(author);
  return named ? named[1]!.trim() : author || null;
}

/** Raw XML text (an Atom content kept whole): entities decoded outside CDATA sections only. */
const rawXmlText = (raw: string) =>
  raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeEntities(part)))
    .join('');

function atomText(node: Node, raw = false): string {
  const type = attr(Array.isArray(node) ? node[0] : node, 'type');
  if (type === 'xhtml')
    return htmlToText(raw ? String((node as Record<string, Node>)['#text'] ?? '') : textOf(node));
  const text = raw
    ? rawXmlText(
        typeof node === 'string' ? node : String((node as Record<string, Node> | undefined)?.['#text'] ?? ''),
      )
    : textOf(node);
  return type === 'html' ? htmlToText(text) : text.trim();
}

export function parseFeed(xml: string): ParsedFeed {
  let doc: Record<string, Node>;
  try {
    doc = parser.parse(xml, true) as Record<string, Node>;
  } catch (error) {
    throw new FeedInvalid(`Not well-formed XML: ${(error as Error).message.slice(0, 200)}`);
  }
  const rss = doc.rss as Record<string, Node> | undefined;
  const channel = (rss?.channel ?? (doc['rdf:RDF'] as Record<string, Node> | undefined)?.channel) as
    | Record<string, Node>
    | undefined;
  if (channel && typeof channel === 'object') {
    const rawItems = (channel.item ?? (doc['rdf:RDF'] as Record<string, Node>)?.item ?? []) as Record<
      string,
      Node
    >[];
    const entries = rawItems.slice(0, MAX_ENTRIES).map((item): FeedEntry => {
      const title = oneLine(htmlToText(textOf(item.title)), 300);
      const links = (item.link ?? []) as Node[];
      const link = oneLine(textOf(links[0]), 2000) || null;
      const published = oneLine(textOf(item.pubDate ?? item['dc:date']), 100) || null;
      const content = textOf(item['content:encoded']) || textOf(item.description);
      return {
        id: entryId(textOf(item.guid), link, title, published),
        title,
        body: htmlToText(content),
        author: rssAuthor(item),
        link,
        published,
      };
    });
    return { title: oneLine(htmlToText(textOf(channel.title)), 200), entries };
  }
  const feed = doc.feed as Record<string, Node> | undefined;
  if (feed && typeof feed === 'object') {
    const rawEntries = (feed.entry ?? []) as Record<string, Node>[];
    const feedAuthor = textOf((feed.author as Record<string, Node> | undefined)?.name).trim() || null;
    const entries = rawEntries.slice(0, MAX_ENTRIES).map((entry): FeedEntry => {
      const title = oneLine(atomText(entry.title), 300);
      const links = (entry.link ?? []) as Node[];
      const alternate = links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
      const link = attr(alternate, 'href');
      const published = oneLine(textOf(entry.published ?? entry.updated), 100) || null;
      const author = entry.author as Record<string, Node> | Record<string, Node>[] | undefined;
      const firstAuthor = Array.isArray(author) ? author[0] : author;
      return {
        id: entryId(textOf(entry.id), link, title, published),
        title,
        body: atomText(entry.content ?? entry.summary, true),
        author: textOf(firstAuthor?.name).trim() || feedAuthor,
        link,
        published,
      };
    });
    return { title: oneLine(atomText(feed.title), 200), entries };
  }
  throw new FeedInvalid('Not an RSS or Atom feed.');
}
