import { useTranslation } from 'react-i18next';
import type { CareChannel } from '../../../../common/schemas/care-channels.ts';
import { CopyField } from './CopyField.tsx';

/** The code a widget channel's site pastes: the script from this server with the public key. */
export function embedCode(publicKey: string, origin = window.location.origin): string {
  return `<script src="${origin}/widget.js" data-key="${publicKey}" async></script>`;
}

export function EmbedSnippet({ channel }: { channel: CareChannel }) {
  const { t } = useTranslation();
  if (!channel.publicKey) return null;
  return (
    <section className="card" aria-labelledby="care-embed-title">
      <h2 id="care-embed-title">{t('care.channels.channel.embedTitle')}</h2>
      <p>{t('care.channels.channel.embedHelp')}</p>
      <CopyField
        label={t('care.channels.channel.embedCode')}
        value={embedCode(channel.publicKey)}
        multiline
      />
      <CopyField label={t('care.channels.channel.publicKey')} value={channel.publicKey} />
    </section>
  );
}
