import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SPACE_TYPES,
  SPACE_VISIBILITIES,
  type SpaceType,
  type SpaceVisibility,
} from '../../../common/schemas/spaces.ts';
import { Select } from '../Select.tsx';
import { TextField } from '../TextField.tsx';

export interface SpaceDraft {
  name: string;
  description: string;
  type: SpaceType;
  visibility: SpaceVisibility;
  external: boolean;
}

interface SpaceFieldsProps {
  value: SpaceDraft;
  onChange: (value: SpaceDraft) => void;
  errors: Record<string, string>;
  /** Whether the reader may make the space external (the organisation's setting). */
  externalAllowed?: boolean;
}

/** Name, description, type and visibility (with what each visibility means), for create and edit. */
export function SpaceFields({ value, onChange, errors, externalAllowed = false }: SpaceFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <TextField
        label={t('spaces.name')}
        name="name"
        value={value.name}
        onChange={(name) => onChange({ ...value, name })}
        error={errors.name}
        maxLength={80}
        required
      />
      <TextField
        label={t('spaces.description')}
        name="description"
        multiline
        rows={3}
        hint={t('spaces.descriptionHint')}
        value={value.description}
        onChange={(description) => onChange({ ...value, description })}
        error={errors.description}
        maxLength={2000}
      />
      <Select
        label={t('spaces.type')}
        name="type"
        value={value.type}
        onChange={(type) => onChange({ ...value, type: type as SpaceType })}
        error={errors.type}
        options={SPACE_TYPES.map((type) => ({ value: type, label: t(`spaceTypes.${type}`) }))}
      />
      <fieldset className="radio-group" aria-invalid={errors.visibility ? true : undefined}>
        <legend>{t('spaces.visibility')}</legend>
        {SPACE_VISIBILITIES.map((visibility) => (
          <div key={visibility} className="radio-option">
            <input
              id={`${id}-${visibility}`}
              type="radio"
              name={`${id}-visibility`}
              value={visibility}
              checked={value.visibility === visibility}
              onChange={() => onChange({ ...value, visibility })}
              aria-describedby={`${id}-${visibility}-help`}
            />
            <div>
              <label htmlFor={`${id}-${visibility}`}>{t(`spaceVisibility.${visibility}`)}</label>
              <p id={`${id}-${visibility}-help`} className="field-hint">
                {t(`spaceVisibilityHelp.${visibility}`)}
              </p>
            </div>
          </div>
        ))}
        {errors.visibility ? <p className="field-error">{errors.visibility}</p> : null}
      </fieldset>
      {externalAllowed || value.external ? (
        <div className="check-field">
          <input
            id={`${id}-external`}
            type="checkbox"
            checked={value.external}
            disabled={!externalAllowed && !value.external}
            onChange={(event) => onChange({ ...value, external: event.target.checked })}
            aria-describedby={`${id}-external-hint`}
          />
          <label htmlFor={`${id}-external`}>{t('external.field')}</label>
          <p id={`${id}-external-hint`} className="field-hint">
            {t('external.fieldHint')}
          </p>
          {errors.external ? <p className="field-error">{errors.external}</p> : null}
        </div>
      ) : null}
    </>
  );
}
