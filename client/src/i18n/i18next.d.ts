// Typed translation keys: `t('status.nodes', { count })` is checked against en.ts.
import type { Translation } from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}
