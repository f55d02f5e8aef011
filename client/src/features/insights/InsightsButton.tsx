import { useTranslation } from 'react-i18next';

/**
 * The header's Insights button: opens and closes the Insights panel over the map. On phones only
 * its icon shows (styles.css); its text stays for screen readers.
 */
export function InsightsButton({
  open,
  controls,
  onToggle,
}: {
  open: boolean;
  controls: string;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="pill-button header-button insights-button"
      aria-expanded={open}
      aria-controls={controls}
      title={t('insights.open')}
      onClick={onToggle}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d="M6 14h4M6.5 12h3M8 2a4 4 0 0 0-2.5 7.1c.5.4.5 1 .5 1.4h4c0-.4 0-1 .5-1.4A4 4 0 0 0 8 2z" />
      </svg>
      <span className="insights-button__text">{t('insights.button')}</span>
    </button>
  );
}
