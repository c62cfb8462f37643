import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetSentiment } from '../../../api/care-insight.ts';
import { errorMessage } from '../../../i18n/messages.ts';
import { Badge, type BadgeTone } from '../../Badge.tsx';
import { Button } from '../../Button.tsx';
import { FormError } from '../../FormError.tsx';
import { Select } from '../../Select.tsx';

type Tone = 'positive' | 'neutral' | 'negative';
/** What an agent's choice is stored as; the scores the library gives sit around these. */
const VALUES: Record<Tone, number> = { positive: 0.6, neutral: 0, negative: -0.6 };
const TONES: Record<Tone, BadgeTone> = { positive: 'success', neutral: 'neutral', negative: 'danger' };

/** Negative at or below -0.3 (the alerts' threshold), positive at or above 0.3. */
export function toneOf(score: number): Tone {
  return score <= -0.3 ? 'negative' : score >= 0.3 ? 'positive' : 'neutral';
}

interface SentimentBadgeProps {
  /** The customer's message (inbound) whose sentiment this is. */
  messageId: string;
  sentiment: number | null;
  /** An agent already corrected it. */
  edited?: boolean;
  /** Show the "correct" control (agents); true by default. */
  editable?: boolean;
}

/** A message's sentiment as a hint, which an agent corrects in place. */
export function SentimentBadge({
  messageId,
  sentiment,
  edited = false,
  editable = true,
}: SentimentBadgeProps) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState<number | null>(sentiment);
  const [wasEdited, setWasEdited] = useState(edited);
  const [editing, setEditing] = useState(false);
  const [choice, setChoice] = useState<Tone>(sentiment === null ? 'neutral' : toneOf(sentiment));
  const save = useSetSentiment(messageId);
  const tone = value === null ? null : toneOf(value);
  const label =
    value === null || tone === null
      ? t('care.insight.sentiment.unknown')
      : t('care.insight.sentiment.value', {
          tone: t(`care.insight.sentiment.${tone}`),
          score: value.toFixed(2),
        });
  return (
    <span className="care-sentiment" data-testid="sentiment-badge">
      <span className="sr-only">{t('care.insight.sentiment.label')}: </span>
      <Badge tone={tone ? TONES[tone] : 'neutral'}>{label}</Badge>
      {wasEdited ? <span className="muted"> · {t('care.insight.sentiment.edited')}</span> : null}
      {editable && !editing ? (
        <>
          {' '}
          <Button type="button" variant="quiet" small onClick={() => setEditing(true)}>
            {t('care.insight.sentiment.edit')}
          </Button>
        </>
      ) : null}
      {editing ? (
        <form
          aria-labelledby={`${id}-title`}
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(VALUES[choice], {
              onSuccess: (data) => {
                setValue(data.sentiment);
                setWasEdited(true);
                setEditing(false);
              },
            });
          }}
        >
          <p id={`${id}-title`} className="muted">
            {t('care.insight.sentiment.editHint')}
          </p>
          <Select
            label={t('care.insight.sentiment.choose')}
            name={`sentiment-${messageId}`}
            value={choice}
            onChange={(v) => setChoice(v as Tone)}
            options={(['positive', 'neutral', 'negative'] as const).map((v) => ({
              value: v,
              label: t(`care.insight.sentiment.${v}`),
            }))}
          />
          {save.error ? <FormError message={errorMessage(t, save.error)} /> : null}
          <div className="form-actions">
            <Button type="submit" variant="primary" small busy={save.isPending}>
              {t('care.insight.sentiment.save')}
            </Button>
            <Button type="button" small onClick={() => setEditing(false)}>
              {t('care.insight.sentiment.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
    </span>
  );
}
