/**
 * i18next set-up. Imported once, before the app renders, so the first screen is already
 * translated. Resources are bundled (no loading step). The language is the one the reader chose
 * on this browser (local storage), else the first of the browser's languages we have, else
 * English; a signed-in user's account setting wins once the session is read (language.ts).
 */
import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { LANGUAGE_STORAGE_KEY, LANGUAGES, pickLanguage } from './languages';
import { pl } from './pl';

/** Every language the client ships, by code. */
export const RESOURCES = {
  en: { translation: en },
  pl: { translation: pl },
} as const;

// `initAsync: false` because the resources are in the bundle: `t` works as soon as this returns.
void i18next
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: RESOURCES,
    supportedLngs: [...LANGUAGES],
    // "pl-PL" and "en-GB" find "pl" and "en".
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'en',
    initAsync: false,
    detection: {
      // Only an explicit choice is stored (language.ts), so a browser that changes its
      // language is followed until the reader picks one.
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: [],
      convertDetectedLanguage: (code: string) => pickLanguage([code]),
    },
    // React escapes text already.
    interpolation: { escapeValue: false },
    returnNull: false,
  });

function setDocumentLanguage(code: string): void {
  document.documentElement.lang = pickLanguage([code]);
}

setDocumentLanguage(i18next.resolvedLanguage ?? i18next.language);
i18next.on('languageChanged', setDocumentLanguage);

export default i18next;
