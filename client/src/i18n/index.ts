/**
 * i18next set-up. Imported once, before the app renders, so the first screen is already
 * translated. Resources are bundled (no loading step); the language is the first of the
 * browser's languages we have, else English.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type Translation } from './en';

/** Every language the client ships, by code. */
export const RESOURCES = {
  en: { translation: en },
} as const satisfies Record<string, { translation: Translation }>;

export type Language = keyof typeof RESOURCES;

function isLanguage(code: string): code is Language {
  return Object.hasOwn(RESOURCES, code);
}

/** The first of the browser's preferred languages that we have, else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return 'en';
}

const language = pickLanguage(navigator.languages);

// `initAsync: false` because the resources are in the bundle: `t` works as soon as this returns.
void i18next.use(initReactI18next).init({
  resources: RESOURCES,
  lng: language,
  fallbackLng: 'en',
  initAsync: false,
  // React escapes text already.
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = language;

export default i18next;
