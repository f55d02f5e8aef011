import './language.css';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage } from '../../i18n/languages';
import { useChooseLanguage, useCurrentLanguage } from './use-language';

/**
 * The language picker of the header and the sign-in screen. Each language is named in itself
 * ("Polski", "English"), so a reader who cannot read the page's language still finds theirs; in
 * the crowded header (`compact`) the choices show their codes ("PL", "EN"), and are still read
 * out by their names.
 */
export function LanguagePicker({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const current = useCurrentLanguage();
  const { choose } = useChooseLanguage();

  return (
    <div className={compact ? 'language-picker language-picker--compact' : 'language-picker'}>
      <label className="language-picker__label" htmlFor={id}>
        {t('language.label')}
      </label>
      <select
        id={id}
        className="language-picker__select"
        value={current}
        onChange={(event) => {
          const next = event.target.value;
          if (isLanguage(next)) choose(next);
        }}
      >
        {LANGUAGES.map((language) => (
          <option
            key={language}
            value={language}
            lang={language}
            aria-label={compact ? LANGUAGE_NAMES[language] : undefined}
          >
            {compact ? language.toUpperCase() : LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
