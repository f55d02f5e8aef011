import type { Link } from '@octograph/graph-schema';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useCanEdit } from '../account/session';
import { dispatchEditor } from '../editing/editor-store';
import { LinkMeeting } from '../meetings/LinkMeeting';
import type { NodeConnections } from './link-groups';
import { NodeChip } from './NodeChip';

/** A short note on a link: its sub-kind or role, when it has one. */
function linkNote(link: Link, t: TFunction): string | null {
  if (link.collaborationType) return t(`kinds.collaboration.${link.collaborationType}`);
  if (link.role) return t(`kinds.role.${link.role}`);
  return null;
}

/**
 * Themes and places as chips, then every other link grouped by kind; each neighbour clickable,
 * and a link formed at a meeting names it (opening the meeting).
 */
export function Connections({ connections }: { connections: NodeConnections }) {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const { themes, places, groups, total } = connections;

  return (
    <>
      {(themes.length > 0 || places.length > 0) && (
        <dl className="fields">
          {themes.length > 0 && (
            <div className="field">
              <dt className="field__label">{t('details.themes')}</dt>
              <dd className="field__value chips">
                {themes.map((node) => (
                  <NodeChip key={node.id} node={node} />
                ))}
              </dd>
            </div>
          )}
          {places.length > 0 && (
            <div className="field">
              <dt className="field__label">{t('details.area')}</dt>
              <dd className="field__value chips">
                {places.map((node) => (
                  <NodeChip key={node.id} node={node} />
                ))}
              </dd>
            </div>
          )}
        </dl>
      )}
      <section className="connections">
        <h3 className="connections__title">
          {t('details.connections')}
          <span className="connections__count">{t('details.linkCount', { count: total })}</span>
        </h3>
        {total === 0 && <p className="muted">{t('details.noLinks')}</p>}
        {groups.map((group) => (
          <section key={`${group.kind}:${group.direction}`} className="connection-group">
            <h4 className="connection-group__title">
              {t(`details.linkGroup.${group.kind}.${group.direction}`)}
              <span className="connection-group__count">{group.connections.length}</span>
            </h4>
            <ul className="connection-group__list">
              {group.connections.map(({ link, neighbour }) => (
                <li key={link.id} className="connection">
                  <NodeChip node={neighbour} note={linkNote(link, t)} />
                  {link.meetingId !== null && <LinkMeeting meetingId={link.meetingId} />}
                  {canEdit && (
                    <button
                      type="button"
                      className="icon-button connection__edit"
                      aria-label={t('editing.link.edit', { name: neighbour.name })}
                      title={t('editing.link.edit', { name: neighbour.name })}
                      onClick={() => {
                        dispatchEditor({
                          type: 'open',
                          dialog: { type: 'editLink', linkId: link.id },
                        });
                      }}
                    >
                      ✎
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    </>
  );
}
