import { useTranslation } from 'react-i18next';

/** First stop of the keyboard: jumps to <main id="main"> without touching the URL's fragment. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/useValidAnchor: a skip link is an in-page anchor; the handler keeps the URL's fragment, which may hold a token
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        const main = document.getElementById('main');
        if (!main) return;
        event.preventDefault();
        main.focus();
        main.scrollIntoView();
      }}
    >
      {t('common.skipToContent')}
    </a>
  );
}
