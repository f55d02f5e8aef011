import { useTranslation } from 'react-i18next';
import { usePresence } from '../../api/live-updates';
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
  const names = others.slice(0, NAMED).map((person) => person.name);
  const more = others.length - names.length;
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    more > 0 ? [...names, t('presence.more', { count: more })] : names,
  );
  return <p className="presence-line">{t('presence.alsoHere', { names: list })}</p>;
}
