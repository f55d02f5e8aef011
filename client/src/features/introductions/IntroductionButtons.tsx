import './introductions.css';
import { useTranslation } from 'react-i18next';
import { useCanEdit } from '../account/session';
import type { IntroductionActions } from './introduction-queries';
import type { NamedPair } from './introductions-state';

/** "Introduce" (link the pair) and "Dismiss" (never suggest it again); nothing for a viewer. */
export function IntroductionButtons({
  pair,
  actions,
}: {
  pair: NamedPair;
  actions: IntroductionActions;
}) {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  if (!canEdit) return null;
  const names = { a: pair.a.name, b: pair.b.name };
  return (
    <div className="introduction-buttons">
      <button
        type="button"
        className="introduction-buttons__introduce"
        aria-label={t('insights.introductions.introduceLabel', names)}
        title={t('insights.introductions.introduceLabel', names)}
        disabled={actions.busy}
        onClick={() => {
          actions.run({ type: 'introduce', pair });
        }}
      >
        {t('insights.introductions.introduce')}
      </button>
      <button
        type="button"
        className="introduction-buttons__dismiss"
        aria-label={t('insights.introductions.dismissLabel', names)}
        title={t('insights.introductions.dismissLabel', names)}
        disabled={actions.busy}
        onClick={() => {
          actions.run({ type: 'dismiss', pair });
        }}
      >
        {t('insights.introductions.dismiss')}
      </button>
    </div>
  );
}
