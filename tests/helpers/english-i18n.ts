/**
 * The client's English texts in an i18next instance of their own, for tests of code that takes a
 * `t`: no React and no browser (client/src/i18n/index.ts reads navigator.languages).
 */
import i18next, { type i18n } from 'i18next';
import { en } from '../../client/src/i18n/en.js';

/** A fresh instance in English, ready when it returns (the texts are in memory). */
export function englishI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { en: { translation: en } },
    lng: 'en',
    initAsync: false,
    // As in the client: React escapes text, so the texts are compared unescaped.
    interpolation: { escapeValue: false },
  });
  return instance;
}
