import { useTranslation } from 'react-i18next';
import type { Space } from '../../../common/schemas/spaces.ts';
import { Badge } from '../Badge.tsx';
import { ExternalBadge } from './ExternalBadge.tsx';

/** Type, visibility, member count, and the reader's place in the space. */
export function SpaceBadges({ space }: { space: Space }) {
  const { t } = useTranslation();
  return (
    <p className="space-badges">
      <Badge>{t(`spaceTypes.${space.type}`)}</Badge>{' '}
      <Badge
        tone={space.visibility === 'open' ? 'success' : space.visibility === 'private' ? 'warning' : 'danger'}
      >
        {t(`spaceVisibility.${space.visibility}`)}
      </Badge>
      <ExternalBadge external={space.external} />{' '}
      <span className="muted">{t('spaces.members', { count: space.memberCount })}</span>
      {space.myRole ? (
        <>
          {' '}
          <Badge tone="info">{t('spaces.yourRole', { role: t(`spaceRoles.${space.myRole}`) })}</Badge>
        </>
      ) : space.myRequest === 'invited' ? (
        <>
          {' '}
          <Badge tone="info">{t('spaces.invited')}</Badge>
        </>
      ) : space.myRequest === 'requested' ? (
        <>
          {' '}
          <Badge tone="neutral">{t('spaces.requested')}</Badge>
        </>
      ) : null}
    </p>
  );
}
