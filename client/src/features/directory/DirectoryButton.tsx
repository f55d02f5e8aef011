import './directory.css';
import { useTranslation } from 'react-i18next';
import type { DirectoryMode } from './use-directory-mode';

/** The header's switch between the map and the directory (pressed while the directory shows). */
export function DirectoryButton({ mode }: { mode: DirectoryMode }) {
  const { t } = useTranslation();
  return (
    <button
      id={mode.buttonId}
      type="button"
      className="pill-button header-button directory-button"
      aria-pressed={mode.open}
      title={mode.open ? t('directory.backToMap') : t('directory.open')}
      onClick={mode.toggle}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d="M5.5 4h8M5.5 8h8M5.5 12h8M2.5 4h.01M2.5 8h.01M2.5 12h.01" />
      </svg>
      <span className="directory-button__text">{t('directory.title')}</span>
    </button>
  );
}
