import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition, sniff } from './sniff.ts';

describe('file sniffing', () => {
  it('recognises images and documents by their bytes, whatever their name', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(sniff(png, 'report.pdf')).toEqual({ contentType: 'image/png', isImage: true });
    expect(sniff(Buffer.from('%PDF-1.7\n'), 'photo.png')).toEqual({
      contentType: 'application/pdf',
      isImage: false,
    });
    expect(sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1]), 'budget.xlsx').contentType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('serves HTML and SVG as plain text, and unknown bytes as a download', () => {
    expect(sniff(Buffer.from('<html><script>alert(1)</script>'), 'page.html').contentType).toBe('text/plain');
    expect(sniff(Buffer.from('<svg onload="alert(1)"/>'), 'logo.svg')).toEqual({
      contentType: 'text/plain',
      isImage: false,
    });
    expect(sniff(Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0]), 'setup.exe').contentType).toBe(
      'application/octet-stream',
    );
  });

  it('keeps file names harmless in headers and on screen', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\me\\Budget "2027".xlsx')).toBe('Budget 2027.xlsx');
    expect(cleanFileName('a\r\nSet-Cookie: x=1.txt')).toBe('aSet-Cookie x=1.txt');
    expect(cleanFileName('...')).toBe('file');
    expect(contentDisposition('attachment', 'Compte rendu été.pdf')).toBe(
      `attachment; filename="Compte rendu _t_.pdf"; filename*=UTF-8''Compte%20rendu%20%C3%A9t%C3%A9.pdf`,
    );
  });
});
