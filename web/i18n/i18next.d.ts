// Type-checked translation keys: t('nav.home') compiles, t('nav.hmoe') does not.
import 'i18next';
import type { en } from './en.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
