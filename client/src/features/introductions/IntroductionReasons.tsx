import './introductions.css';
import type { IntroductionItem } from '@octograph/graph-schema';
import { useTranslation } from 'react-i18next';
import { reasonText } from './introduction-reasons';

/** A suggestion's reasons as a short list of sentences. */
export function IntroductionReasons({ item }: { item: IntroductionItem }) {
  const { t } = useTranslation();
  return (
    <ul className="introduction-reasons">
      {item.reasons.map((reason) => (
        <li key={reason.type}>{reasonText(reason, item, t)}</li>
      ))}
    </ul>
  );
}
