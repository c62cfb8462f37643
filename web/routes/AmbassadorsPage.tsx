import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NETWORKS, type Network, sharedText, shareUrl } from '../../common/ambassadors.ts';
import type { Kit } from '../../common/schemas/ambassadors.ts';
import { useAmbassadorHome, useSetMembership, useShareKit } from '../api/ambassadors.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { TabNav } from '../components/TabNav.tsx';
import { TextField } from '../components/TextField.tsx';
import { formatDate } from '../i18n/format.ts';
import { errorMessage } from '../i18n/messages.ts';

/** The programme's tabs, for communication managers. */
export function AmbassadorTabs() {
  const { t } = useTranslation();
  return (
    <TabNav
      label={t('ambassadors.tabs')}
      tabs={[
        { to: '/ambassadors', label: t('ambassadors.kitsTitle'), end: true },
        { to: '/ambassadors/kits', label: t('ambassadors.manageKits') },
        { to: '/ambassadors/report', label: t('ambassadors.report') },
      ]}
    />
  );
}

/** /ambassadors: join the programme, and share the current kits in one click. */
export function AmbassadorsPage() {
  const { t } = useTranslation();
  usePageTitle(t('ambassadors.title'));
  const home = useAmbassadorHome();
  const membership = useSetMembership();
  if (home.isPending) return <Loading />;
  if (home.isError) return <FormError message={errorMessage(t, home.error)} />;
  const data = home.data;
  return (
    <>
      <h1>{t('ambassadors.title')}</h1>
      {data.canManage ? <AmbassadorTabs /> : null}
      <p>{t('ambassadors.intro', { organisation: data.organisation })}</p>
      <section className="card" aria-live="polite">
        <p>{data.optedIn ? t('ambassadors.programme.in') : t('ambassadors.programme.out')}</p>
        <FormError message={membership.error ? errorMessage(t, membership.error) : null} />
        <Button
          type="button"
          variant={data.optedIn ? 'secondary' : 'primary'}
          busy={membership.isPending}
          busyLabel={t('common.saving')}
          onClick={() => membership.mutate(!data.optedIn)}
        >
          {data.optedIn ? t('ambassadors.programme.leave') : t('ambassadors.programme.join')}
        </Button>
      </section>
      <section className="section" aria-labelledby="kits-title">
        <h2 id="kits-title">{t('ambassadors.kitsTitle')}</h2>
        {data.kits.length === 0 ? (
          <EmptyState level={3} title={t('ambassadors.emptyTitle')}>
            <p>{t('ambassadors.emptyText')}</p>
          </EmptyState>
        ) : (
          data.kits.map((kit) => (
            <KitCard key={kit.id} kit={kit} organisation={data.organisation} canShare={data.optedIn} />
          ))
        )}
      </section>
      {data.leaderboard ? (
        <section className="section" aria-labelledby="leaderboard-title">
          <h2 id="leaderboard-title">{t('ambassadors.leaderboard')}</h2>
          <ol>
            {data.leaderboard.map((entry) => (
              <li key={entry.id}>
                {entry.name} —{' '}
                {t('ambassadors.leaderboardRow', { shares: entry.shares, clicks: entry.clicks })}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}

function KitCard({ kit, organisation, canShare }: { kit: Kit; organisation: string; canShare: boolean }) {
  const { t, i18n } = useTranslation();
  // The ambassador's own words, once they edit; until then each network gets the kit's variant.
  const [edited, setEdited] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const share = useShareKit();
  const variant = (n: Network) => edited ?? kit.texts[n] ?? kit.texts.generic ?? '';
  const disclosure = kit.disclosure ? t('ambassadors.disclosure', { organisation }) : null;
  const networks = NETWORKS.filter((n) => n !== 'generic');

  function shareOn(n: Network) {
    setCopied(false);
    // Opened now, in the click, so no popup blocker stops it; it goes to the network once the link is known.
    const popup = window.open('about:blank', '_blank');
    share.mutate(
      { id: kit.id, network: n },
      {
        onSuccess: ({ link: tracked }) => {
          setLink(tracked);
          const url = shareUrl(n, sharedText(variant(n), disclosure), tracked);
          if (popup && url) {
            popup.opener = null;
            popup.location.href = url;
          }
        },
        onError: () => popup?.close(),
      },
    );
  }

  function copy() {
    setCopied(false);
    share.mutate(
      { id: kit.id, network: 'generic' },
      {
        onSuccess: async ({ link: tracked }) => {
          setLink(tracked);
          try {
            await navigator.clipboard.writeText(`${sharedText(variant('generic'), disclosure)}\n${tracked}`);
            setCopied(true);
          } catch {
            setCopied(false); // the text and link stay on the page to copy by hand
          }
        },
      },
    );
  }

  const textId = `kit-${kit.id}-text`;
  return (
    <article className="card" aria-labelledby={`kit-${kit.id}-title`}>
      <h3 id={`kit-${kit.id}-title`}>{kit.title}</h3>
      <p className="muted">{t('ambassadors.until', { date: formatDate(kit.endsAt, i18n.language) })}</p>
      {kit.imageUrl ? (
        <figure className="kit-figure">
          <img
            src={kit.imageUrl}
            alt={t('ambassadors.imageAlt', { title: kit.title })}
            className="kit-image"
          />
          <figcaption>
            <a href={kit.imageUrl} download={`${kit.slug}`}>
              {t('ambassadors.downloadImage')}
            </a>
          </figcaption>
        </figure>
      ) : null}
      <TextField
        label={t('ambassadors.text')}
        name={textId}
        multiline
        rows={4}
        value={variant('generic')}
        onChange={setEdited}
        readOnly={!kit.editable}
        hint={kit.editable ? undefined : t('ambassadors.textFixed')}
      />
      {disclosure ? (
        <p>
          <strong>{disclosure}</strong> <span className="muted">{t('ambassadors.disclosureHint')}</span>
        </p>
      ) : null}
      <FormError message={share.error ? errorMessage(t, share.error) : null} />
      <div className="form-actions kit-actions">
        {networks.map((n) => (
          <Button key={n} type="button" disabled={!canShare || share.isPending} onClick={() => shareOn(n)}>
            {t('ambassadors.shareOn', { network: t(`ambassadors.networks.${n}`) })}
          </Button>
        ))}
        <Button type="button" disabled={!canShare || share.isPending} onClick={copy}>
          {t('ambassadors.copy')}
        </Button>
      </div>
      {copied ? (
        <Notice>
          <p>{t('ambassadors.copied')}</p>
        </Notice>
      ) : null}
      {link ? (
        <p>
          {t('ambassadors.yourLink')}: <code className="kit-link">{link}</code>
        </p>
      ) : null}
    </article>
  );
}
