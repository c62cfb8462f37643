import { linkify } from './linkify.ts';

/** Plain text with its web addresses turned into links; rendered as React text, never as HTML. */
export function Linkified({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((segment, index) =>
        segment.kind === 'link' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one immutable text
          <a key={index} href={segment.href} rel="noopener noreferrer">
            {segment.text}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one immutable text
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
