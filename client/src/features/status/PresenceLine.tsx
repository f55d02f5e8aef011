import { useTranslation } from 'react-i18next';
import { usePresence } from '../../api/live-updates';
import { formatNameList } from '../../i18n/format';
import { useSession } from '../account/session';

/** At most this many names; the rest are counted. */
const NAMED = 3;

/**
 * "Also here: Ola and Piotr": who else (signed in) has the map open now, from the change
 * stream's presence events. Nothing when nobody else is here, or for visitors not signed in.
 */
export function PresenceLine() {
  const { t, i18n } = useTranslation();
  const me = useSession().data?.user?.id;
  const others = usePresence().filter((person) => person.id !== me);
  if (others.length === 0) return null;
  const list = formatNameList(
    others.map((person) => person.name),
    NAMED,
    i18n.language,
    (count) => t('presence.more', { count }),
  );
  return <p className="presence-line">{t('presence.alsoHere', { names: list })}</p>;
}
