// The fields a campaign's owner writes, shared by "Open a campaign" and "Edit the campaign":
// title, description, closing day and criteria (one per line), with the helpers that turn a
// day and the criteria text into what the API takes.
import { useTranslation } from 'react-i18next';
import { TextField } from '../components/TextField.tsx';

const pad = (n: number) => String(n).padStart(2, '0');

/** yyyy-mm-dd of a date in the reader's time zone, for a date input. */
export const dayOf = (date: Date | string) => {
  const d = new Date(date);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** The end of the chosen day, in the reader's time zone. */
export const endOfDay = (day: string) => new Date(`${day}T23:59:59`).toISOString();

/** One criterion per non-empty line. */
export const criteriaOf = (text: string) =>
  text
    .split('\n')
    .map((c) => c.trim())
    .filter(Boolean);

export interface CampaignFieldValues {
  title: string;
  description: string;
  closes: string;
  criteria: string;
}

export function CampaignFields({
  values,
  onChange,
  errors = {},
}: {
  values: CampaignFieldValues;
  onChange: (values: CampaignFieldValues) => void;
  errors?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const set = (key: keyof CampaignFieldValues) => (value: string) => onChange({ ...values, [key]: value });
  return (
    <>
      <TextField
        label={t('ideas.manage.name')}
        name="title"
        value={values.title}
        onChange={set('title')}
        maxLength={200}
        required
        error={errors.title}
      />
      <TextField
        label={t('ideas.manage.description')}
        name="description"
        multiline
        rows={3}
        value={values.description}
        onChange={set('description')}
        maxLength={10_000}
        error={errors.description}
      />
      <TextField
        label={t('ideas.manage.closes')}
        name="closesAt"
        type="date"
        value={values.closes}
        onChange={set('closes')}
        required
        error={errors.closesAt}
      />
      <TextField
        label={t('ideas.manage.criteria')}
        name="criteria"
        multiline
        rows={3}
        value={values.criteria}
        onChange={set('criteria')}
        error={errors.criteria}
      />
    </>
  );
}
