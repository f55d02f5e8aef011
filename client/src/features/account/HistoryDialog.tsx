import type { AuditEntry, AuditPage } from '@octograph/graph-schema';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMap, useNodeSearch } from '../../api/queries';
import { formatDateTime } from '../../i18n/format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { historyScope } from './access';
import { Modal } from '../../ui/Modal';
import { AccountTextField } from './AccountTextField';
import { useAuditPages, useUndoEntry } from './audit-queries';
import { actorName, summariseEntry, undoable, type NameOf } from './audit-summary';
import { FormError } from './FormError';
import {
  auditFiltersOf,
  hasHistoryFilters,
  NO_HISTORY_FILTERS,
  nodeByName,
  type HistoryFilters,
} from './history-filters';
import { useAudience } from './session';
import { useUsers } from './users-queries';

/** Names of the nodes on the whole map, for the ends of links and moved nodes. */
function useNodeNames(): NameOf {
  const map = useMap().data;
  return useMemo(() => {
    const names = new Map((map?.nodes ?? []).map((node) => [node.id, node.name]));
    return (id: string) => names.get(id) ?? null;
  }, [map]);
}

/** An admin's filters: who, which node (by name), from and to. */
function HistoryFilterBar({
  filters,
  onChange,
  showUser,
}: {
  filters: HistoryFilters;
  onChange: (filters: HistoryFilters) => void;
  showUser: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const users = useUsers(showUser);
  const [nodeText, setNodeText] = useState(filters.node?.name ?? '');
  const search = useNodeSearch(useDebouncedValue(nodeText, 150), 10);
  const options = search.data?.items ?? [];

  return (
    <fieldset className="history-filters">
      <legend className="visually-hidden">{t('account.history.filters')}</legend>
      {showUser && (
        <div className="account-field">
          <label htmlFor={`${id}-user`}>{t('account.history.user')}</label>
          <select
            id={`${id}-user`}
            value={filters.user}
            onChange={(event) => {
              onChange({ ...filters, user: event.target.value });
            }}
          >
            <option value="">{t('account.history.anyone')}</option>
            {(users.data ?? []).map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="account-field history-filters__node">
        <label htmlFor={`${id}-node`}>{t('account.history.node')}</label>
        <input
          id={`${id}-node`}
          list={`${id}-nodes`}
          placeholder={t('account.history.nodePlaceholder')}
          value={nodeText}
          onChange={(event) => {
            const text = event.target.value;
            setNodeText(text);
            // A name picked from the list (or typed in full) filters; a cleared box stops it.
            const node = nodeByName(text, options);
            if (node) onChange({ ...filters, node: { id: node.id, name: node.name } });
            else if (text.trim() === '' && filters.node !== null)
              onChange({ ...filters, node: null });
          }}
        />
        <datalist id={`${id}-nodes`}>
          {options.map((node) => (
            <option key={node.id} value={node.name} />
          ))}
        </datalist>
      </div>
      <AccountTextField
        id={`${id}-from`}
        label={t('account.history.from')}
        type="date"
        value={filters.from}
        max={filters.to || undefined}
        onChange={(from) => {
          onChange({ ...filters, from });
        }}
      />
      <AccountTextField
        id={`${id}-to`}
        label={t('account.history.to')}
        type="date"
        value={filters.to}
        min={filters.from || undefined}
        onChange={(to) => {
          onChange({ ...filters, to });
        }}
      />
      {hasHistoryFilters(filters) && (
        <button
          type="button"
          className="pill-button history-filters__clear"
          onClick={() => {
            setNodeText('');
            onChange(NO_HISTORY_FILTERS);
          }}
        >
          {t('account.history.clear')}
        </button>
      )}
    </fieldset>
  );
}

/** One entry: when, who, what, its changes in words, and Undo (with the server's reason if not). */
function HistoryEntry({
  entry,
  actors,
  nameOf,
  undo,
}: {
  entry: AuditEntry;
  actors: AuditPage['actors'];
  nameOf: NameOf;
  undo: ReturnType<typeof useUndoEntry>;
}) {
  const { t, i18n } = useTranslation();
  const lines = summariseEntry(entry, nameOf, t);
  const mine = undo.variables === entry.id;
  const label = t('account.history.entry', { id: entry.id });
  return (
    <li className="history-entry" aria-label={label}>
      <div className="history-entry__head">
        <time className="history-entry__when" dateTime={entry.at}>
          {formatDateTime(entry.at, i18n.language)}
        </time>
        <span className="history-entry__who">{actorName(entry, actors, t)}</span>
        <span className="history-entry__id muted">#{entry.id}</span>
      </div>
      <p className="history-entry__action">{t(`account.history.action.${entry.action}`)}</p>
      {lines.length > 0 && (
        <ul className="history-entry__changes">
          {lines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
      <div className="history-entry__foot">
        {entry.undoes !== null && (
          <span className="history-entry__note">
            {t('account.history.undoes', { id: entry.undoes })}
          </span>
        )}
        {entry.undoneBy !== null && (
          <span className="history-entry__note">
            {t('account.history.undone', { id: entry.undoneBy })}
          </span>
        )}
        {undoable(entry) && (
          <button
            type="button"
            className="pill-button history-entry__undo"
            aria-label={t('account.history.undoLabel', { id: entry.id })}
            disabled={undo.isPending}
            onClick={() => {
              undo.mutate(entry.id);
            }}
          >
            {mine && undo.isPending ? t('account.history.undoing') : t('account.history.undo')}
          </button>
        )}
      </div>
      {/* Always there, so what came of an Undo is read out when it arrives. */}
      <div aria-live="polite">
        {mine && undo.isError && (
          <FormError error={undo.error} title={t('account.history.undoFailed', { id: entry.id })} />
        )}
        {mine && undo.isSuccess && (
          <p className="history-entry__done">{t('account.history.undoDone', { id: entry.id })}</p>
        )}
      </div>
    </li>
  );
}

/**
 * History: the audit log, newest first, a page at a time. Admins see everyone's changes and can
 * filter by user, node and dates; an editor sees their own. Each entry can be undone; the map is
 * read again after an undo, and a refusal (already undone, later changes depend on it) says why.
 */
export function HistoryDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const scope = historyScope(useAudience()) ?? 'own';
  const [filters, setFilters] = useState<HistoryFilters>(NO_HISTORY_FILTERS);
  const pages = useAuditPages(auditFiltersOf(filters, scope));
  const undo = useUndoEntry();
  const nameOf = useNodeNames();
  const loaded = pages.data?.pages ?? [];
  const entries = loaded.flatMap((page) =>
    page.items.map((entry) => ({ entry, actors: page.actors })),
  );

  return (
    <Modal title={t('account.history.title')} onClose={onClose} className="history-dialog">
      <p className="account-form__intro">
        {scope === 'all' ? t('account.history.introAll') : t('account.history.introOwn')}
      </p>
      <HistoryFilterBar filters={filters} onChange={setFilters} showUser={scope === 'all'} />
      {pages.isPending && <p className="muted">{t('account.history.loading')}</p>}
      {pages.isError && (
        <ErrorNotice
          error={pages.error}
          compact
          onRetry={() => {
            void pages.refetch();
          }}
        />
      )}
      {pages.isSuccess && entries.length === 0 && (
        <p className="muted">{t('account.history.empty')}</p>
      )}
      <ol className="history-list">
        {entries.map(({ entry, actors }) => (
          <HistoryEntry key={entry.id} entry={entry} actors={actors} nameOf={nameOf} undo={undo} />
        ))}
      </ol>
      {pages.hasNextPage && (
        <button
          type="button"
          className="pill-button history-list__more"
          disabled={pages.isFetchingNextPage}
          onClick={() => {
            void pages.fetchNextPage();
          }}
        >
          {pages.isFetchingNextPage ? t('account.history.loadingMore') : t('account.history.more')}
        </button>
      )}
    </Modal>
  );
}
