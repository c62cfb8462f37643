import { useTranslation } from 'react-i18next';
import { REACTIONS, type ReactionKind } from '../../../common/schemas/stream.ts';

export const REACTION_EMOJI: Record<ReactionKind, string> = {
  like: '👍',
  celebrate: '🎉',
  support: '🤝',
  insightful: '💡',
  curious: '🤔',
};

interface ReactionBarProps {
  reactions: Record<string, number>;
  mine: ReactionKind | null;
  onReact: (kind: ReactionKind | null) => void;
  busy?: boolean;
  compact?: boolean;
}

/**
 * The five reactions as toggle buttons: each says its name and count to screen readers and
 * whether it is the reader's own (aria-pressed); choosing one's own again takes it back.
 */
export function ReactionBar({ reactions, mine, onReact, busy = false, compact = false }: ReactionBarProps) {
  const { t } = useTranslation();
  const kinds = compact
    ? REACTIONS.filter((k) => k === mine || (reactions[k] ?? 0) > 0 || k === 'like')
    : REACTIONS;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a toolbar-like group of toggles, not a form fieldset
    <div
      role="group"
      aria-label={t('reactions.label')}
      className={compact ? 'reactions reactions-compact' : 'reactions'}
    >
      {kinds.map((kind) => {
        const count = reactions[kind] ?? 0;
        const pressed = mine === kind;
        const name = t(`reactions.${kind}`);
        return (
          <button
            key={kind}
            type="button"
            className="reaction"
            aria-pressed={pressed}
            disabled={busy}
            title={name}
            onClick={() => onReact(pressed ? null : kind)}
          >
            <span aria-hidden="true" className="reaction-emoji">
              {REACTION_EMOJI[kind]}
            </span>
            <span aria-hidden="true" className="reaction-label">
              {name}
            </span>
            <span className="sr-only">{t('reactions.count', { reaction: name, count })}</span>
            {count > 0 ? (
              <span aria-hidden="true" className="reaction-count">
                {count}
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
