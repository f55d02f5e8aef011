import { useTranslation } from 'react-i18next';

/**
 * Under a paged list: "10 of 42 shown" and a Show more button, while some are not shown yet;
 * the button waits (disabled) while the next page loads. The caller decides how many more.
 */
export function ShowMore({
  shown,
  total,
  busy,
  onMore,
}: {
  shown: number;
  total: number;
  busy: boolean;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  if (shown >= total) return null;
  return (
    <div className="insights__more">
      <span className="muted">{t('insights.shown', { shown, total })}</span>
      <button type="button" className="sheet__action" disabled={busy} onClick={onMore}>
        {t('insights.more')}
      </button>
    </div>
  );
}
