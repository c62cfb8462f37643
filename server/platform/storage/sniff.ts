// What a file really is, from its first bytes — never from the name or the type the
// browser claimed. Anything not recognised is served as an opaque download.

export interface Sniffed {
  contentType: string;
  isImage: boolean;
}

const OFFICE: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

const starts = (head: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

function isUtf8Text(head: Buffer): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 4)));
    return true;
  } catch {
    return false;
  }
}

export function sniff(head: Buffer, fileName: string): Sniffed {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const image = (contentType: string) => ({ contentType, isImage: true });
  const file = (contentType: string) => ({ contentType, isImage: false });
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return image('image/png');
  if (starts(head, [0xff, 0xd8, 0xff])) return image('image/jpeg');
  if (starts(head, ascii('GIF87a')) || starts(head, ascii('GIF89a'))) return image('image/gif');
  if (starts(head, ascii('RIFF')) && starts(head, ascii('WEBP'), 8)) return image('image/webp');
  if (starts(head, ascii('%PDF-'))) return file('application/pdf');
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) return file(OFFICE[ext] ?? 'application/zip');
  // Text is served as plain text whatever it contains (HTML and SVG included), never rendered.
  if (head.length > 0 && isUtf8Text(head)) return file(ext === 'csv' ? 'text/csv' : 'text/plain');
  return file('application/octet-stream');
}

/** A file name safe to show and to put in a header: no paths, controls, or odd length. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove.
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return (cleaned || 'file').slice(0, 180);
}

/** Content-Disposition with an ASCII fallback and the real name in RFC 5987 form. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
