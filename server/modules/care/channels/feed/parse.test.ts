import { describe, expect, it } from 'vitest';
import { FeedInvalid, htmlToText, parseFeed } from './parse.ts';

describe('feed parsing', () => {
  it('never expands entities a document declares (no billion laughs) and refuses external ones', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
      <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
      <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
      <rss version="2.0"><channel><title>T</title><item><title>&lol3;</title><guid>1</guid>
      <description>x &#233; &amp;amp; y</description></item></channel></rss>`;
    const feed = parseFeed(lol);
    expect(feed.entries).toEqual([
      { id: '1', title: '&lol3;', body: 'x é & y', author: null, link: null, published: null },
    ]);
    const xxe = `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>a</id><title>&xxe;</title></entry></feed>`;
    expect(() => parseFeed(xxe)).toThrow(FeedInvalid);
  });

  it('reads XHTML content, RSS 1.0, and hashes ids too long to keep', () => {
    const atom = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry>
      <id>${'x'.repeat(300)}</id><title>a</title>
      <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>there</b></p></div></content>
      </entry></feed>`);
    expect(atom.entries[0]!.body).toBe('Hello there');
    const cdata = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>b</id>
      <content type="html"><![CDATA[<p>Tr&egrave;s <i>bien</i></p>]]> &amp;lt;3</content></entry></feed>`);
    expect(cdata.entries[0]!.body).toBe('Très bien\n<3');
    expect(atom.entries[0]!.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    const rdf = parseFeed(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://purl.org/rss/1.0/"><channel><title>R</title></channel>
      <item><title>one</title><link>https://x.example/1</link></item></rdf:RDF>`);
    expect(rdf.entries).toMatchObject([{ title: 'one', link: 'https://x.example/1' }]);
    expect(rdf.entries[0]!.id).toMatch(/^sha256:/);
  });

  it('refuses what is not a feed', () => {
    expect(() => parseFeed('<html><p>x</p></html>')).toThrow('Not an RSS or Atom feed.');
    expect(() => parseFeed('not xml at all <')).toThrow(FeedInvalid);
  });

  it('keeps text only: scripts and styles go with their content', () => {
    expect(
      htmlToText('<p>a</p><p>b<br>c</p><script>evil()</script><style>p{}</style>&lt;img onerror=x&gt;'),
    ).toBe('a\nb\nc\n<img onerror=x>');
  });
});
