import { useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode, useMemo } from 'react';
import { Link } from 'react-router';
import { api } from '../../common/api.ts';
import { type Block, type Inline, parseRichText } from '../../common/rich-text.ts';
import { call } from '../api/client.ts';
import { EXTERNAL_REL, type MentionedPerson, spacePath, targetOf } from './rich-text-links.ts';

/**
 * A post or comment body, parsed by common/rich-text.ts and rendered as React elements:
 * text is only ever text, so nothing a person writes can become markup.
 */
export function RichText({ text, mentions = [] }: { text: string; mentions?: readonly MentionedPerson[] }) {
  const blocks = useMemo(() => parseRichText(text), [text]);
  return <div className="rich-text">{blocks.map((block, i) => renderBlock(block, i, mentions))}</div>;
}

function renderBlock(block: Block, key: number, mentions: readonly MentionedPerson[]): ReactNode {
  if (block.type === 'list') {
    return (
      <ul key={key}>
        {block.items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items of one immutable text
          <li key={i}>{renderInlines(item, mentions)}</li>
        ))}
      </ul>
    );
  }
  return <p key={key}>{renderInlines(block.children, mentions)}</p>;
}

function renderInlines(nodes: Inline[], mentions: readonly MentionedPerson[]): ReactNode {
  // biome-ignore lint/suspicious/noArrayIndexKey: nodes of one immutable text
  return nodes.map((node, i) => <Fragment key={i}>{renderInline(node, mentions)}</Fragment>);
}

function renderInline(node: Inline, mentions: readonly MentionedPerson[]): ReactNode {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'break':
      return <br />;
    case 'bold':
      return <strong>{renderInlines(node.children, mentions)}</strong>;
    case 'italic':
      return <em>{renderInlines(node.children, mentions)}</em>;
    case 'code':
      return <code>{node.text}</code>;
    default:
      break;
  }
  const label =
    node.type === 'mention' ? `@${node.handle}` : node.type === 'tag' ? `#${node.tag}` : node.text;
  const target = targetOf(node, mentions);
  switch (target.kind) {
    case 'external':
      return (
        <a href={target.href} rel={EXTERNAL_REL} target="_blank" className="break">
          {label}
        </a>
      );
    case 'internal':
      return (
        <Link to={target.to} className={node.type === 'tag' ? 'tag-link' : 'mention-link'}>
          {label}
        </Link>
      );
    case 'maybe-space':
      return <SpaceMention slug={target.slug} label={label} />;
    case 'text':
      return label;
  }
}

/** `@slug` that names no mentioned person: a link if the reader can see a space by that slug. */
function SpaceMention({ slug, label }: { slug: string; label: string }) {
  const space = useQuery({
    queryKey: ['space', slug],
    queryFn: ({ signal }) => call(api.getSpace, { params: { space: slug }, signal }),
    staleTime: 5 * 60_000,
    retry: false,
    refetchOnWindowFocus: false,
  });
  if (!space.data) return label;
  return (
    <Link to={spacePath(space.data.slug)} className="mention-link">
      {label}
    </Link>
  );
}
