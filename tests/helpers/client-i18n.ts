/**
 * The client's texts in an i18next instance of their own, in any language it ships, for tests of
 * code that takes a `t` (no React, no browser).
 */
import i18next, { type i18n } from 'i18next';
import { en } from '../../client/src/i18n/en.js';
import { pl } from '../../client/src/i18n/pl.js';

/** Every language's resources, as client/src/i18n/index.ts bundles them. */
export const CLIENT_RESOURCES = { en, pl } as const;

export type ClientLanguage = keyof typeof CLIENT_RESOURCES;

/** A fresh instance speaking `language` (English as the fallback), ready when it returns. */
export function clientI18n(language: ClientLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { en: { translation: en }, pl: { translation: pl } },
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    // As in the client: React escapes text, so the texts are compared unescaped.
    interpolation: { escapeValue: false },
  });
  return instance;
}
