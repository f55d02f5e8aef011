import { useTranslation } from 'react-i18next';
import { useMap } from '../../api/queries';

/** "N nodes · M links" of what is on the map, or that it is loading or failed. */
export function StatusLine() {
  const { t } = useTranslation();
  const { data, isError } = useMap();

  let text: string;
  if (data) {
    text = t('status.summary', {
      nodes: t('status.nodes', { count: data.nodes.length }),
      links: t('status.links', { count: data.links.length }),
    });
  } else if (isError) {
    text = t('status.failed');
  } else {
    text = t('status.loading');
  }

  return (
    <p className="status-line" role="status" aria-live="polite">
      {text}
    </p>
  );
}
