import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { initialLocale } from './i18n/locale.ts';
import { setupI18n } from './i18n/setup.ts';
import './styles.css';
import './styles-composer.css';
import './styles-stream.css';
import './styles-spaces.css';
import './styles-people.css';
import './styles-sso.css';
import './styles-moderation.css';
import './styles-analytics.css';
// care: channels
import './styles-care-channels.css';

setupI18n(initialLocale());

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
