import './account.css';
import { useTranslation } from 'react-i18next';
import { openAccountDialog } from './account-store';
import { useSession } from './session';

/**
 * While no administrator exists, a visitor on the computer Octograph runs on reads the map and
 * is offered, here, to create the administrator account.
 */
export function SetupBanner() {
  const { t } = useTranslation();
  const session = useSession().data;
  if (!session?.setupAvailable || session.user !== null) return null;
  return (
    <div className="setup-banner" role="region" aria-label={t('account.setup.title')}>
      <p className="setup-banner__text">{t('account.setup.banner')}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          openAccountDialog('setup');
        }}
      >
        {t('account.setup.button')}
      </button>
    </div>
  );
}
