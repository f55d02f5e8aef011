import './directory.css';
import {
  useDeferredValue,
  useId,
  useMemo,
  useReducer,
  useRef,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format';
import { swatchOf } from '../../map/palette';
import { CloseButton } from '../../ui/CloseButton';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useFilteredMap } from '../filters/use-filtered-map';
import { NodeSwatch } from '../legend/KindSwatch';
import { useCanEdit } from '../account/session';
import { dispatchEditor } from '../editing/editor-store';
import { useSelection } from '../selection/selection-context';
import {
  DIRECTORY_COLUMNS,
  directoryReducer,
  directoryRows,
  initialDirectoryState,
  pageOf,
  PAGE_SIZES,
  searchRows,
  sortRows,
  textComparer,
  type DirectoryColumn,
  type DirectoryRow,
  type DirectorySort,
} from './directory-rows';

export interface DirectoryViewProps {
  /** Show this organisation on the map (and leave the directory). */
  onShowOnMap: (id: string) => void;
  /** Back to the map. */
  onClose: () => void;
  /** Kept mounted but hidden while the map shows, so search, sort and page survive a visit. */
  hidden?: boolean;
}

/** Columns that give way on a narrow screen; name, kind and connections always stay. */
const SECONDARY: ReadonlySet<DirectoryColumn> = new Set(['status', 'since']);

/**
 * Every organisation on the map as a table: searchable by name, sortable by any column, paged.
 * It reads the same filtered map as the canvas (useFilteredMap), so it always lists exactly the
 * organisations the map draws for the filters set.
 */
export function DirectoryView({ onShowOnMap, onClose, hidden = false }: DirectoryViewProps) {
  const { t, i18n } = useTranslation();
  const canEdit = useCanEdit();
  const mapQuery = useFilteredMap();
  const [state, dispatch] = useReducer(directoryReducer, initialDirectoryState);
  // Typing stays responsive on a large network: the table catches up a moment later.
  const query = useDeferredValue(state.query);
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchId = useId();
  const pageSizeId = useId();

  const compareText = useMemo(() => textComparer(i18n.language), [i18n.language]);
  const map = mapQuery.data;
  const rows = useMemo(() => (map ? directoryRows(map) : []), [map]);
  const sorted = useMemo(
    () => sortRows(rows, state.sort, compareText),
    [rows, state.sort, compareText],
  );
  const matches = useMemo(() => searchRows(sorted, query), [sorted, query]);
  const page = pageOf(matches, state.pageIndex, state.pageSize);
  const searching = query.trim() !== '';

  const goToPage = (pageIndex: number) => {
    dispatch({ type: 'page', pageIndex });
    scrollRef.current?.scrollTo({ top: 0 });
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    // Escape clears the search first; keep it from also closing the details panel.
    if (event.key === 'Escape' && state.query !== '') {
      event.stopPropagation();
      dispatch({ type: 'search', query: '' });
    }
  };

  let body: ReactNode;
  if (map) {
    if (rows.length === 0) body = <p className="directory__message">{t('directory.empty')}</p>;
    else if (matches.length === 0)
      body = <p className="directory__message">{t('directory.noMatches', { query })}</p>;
    else
      body = (
        <div className="directory__scroll" ref={scrollRef}>
          <DirectoryTable
            rows={page.items}
            sort={state.sort}
            onSort={(column) => {
              dispatch({ type: 'sort', column });
            }}
            onShowOnMap={onShowOnMap}
          />
        </div>
      );
  } else if (mapQuery.isError) {
    body = (
      <div className="directory__message">
        <ErrorNotice
          error={mapQuery.error}
          onRetry={() => {
            void mapQuery.refetch();
          }}
        />
      </div>
    );
  } else {
    body = (
      <p className="directory__message">
        <span className="spinner" aria-hidden="true" />
        {t('directory.loading')}
      </p>
    );
  }

  return (
    <section
      className="directory"
      aria-label={t('directory.title')}
      aria-busy={mapQuery.isPending}
      hidden={hidden}
    >
      <header className="directory__header">
        <div className="directory__heading" aria-live="polite">
          <h2 className="directory__title">
            {map ? t('directory.count', { count: rows.length }) : t('directory.title')}
          </h2>
          {map && searching && (
            <p className="directory__matches">
              {t('directory.matches', { count: matches.length, query: query.trim() })}
            </p>
          )}
        </div>
        <div className="directory__search">
          <label className="visually-hidden" htmlFor={searchId}>
            {t('directory.search')}
          </label>
          <svg className="search__icon" viewBox="0 0 16 16" aria-hidden="true">
            <circle cx="7" cy="7" r="4.5" />
            <path d="M10.5 10.5 14 14" />
          </svg>
          <input
            id={searchId}
            className="search__input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('directory.searchPlaceholder')}
            value={state.query}
            onChange={(event) => {
              dispatch({ type: 'search', query: event.target.value });
            }}
            onKeyDown={onSearchKey}
          />
        </div>
        {canEdit && (
          <button
            type="button"
            className="pill-button directory__add"
            onClick={() => {
              dispatchEditor({
                type: 'open',
                dialog: { type: 'create', kind: 'organisation', name: '', at: null, linkTo: null },
              });
            }}
          >
            {t('editing.directory.add')}
          </button>
        )}
        <CloseButton label={t('directory.backToMap')} onClick={onClose} />
      </header>
      {body}
      {map && matches.length > 0 && (
        <nav className="directory__pager" aria-label={t('directory.pages')}>
          <span className="directory__page-size">
            <label htmlFor={pageSizeId}>{t('directory.pageSize')}</label>
            <select
              id={pageSizeId}
              value={state.pageSize}
              onChange={(event) => {
                const pageSize = PAGE_SIZES.find((size) => String(size) === event.target.value);
                if (pageSize !== undefined) {
                  dispatch({ type: 'pageSize', pageSize, shownPageIndex: page.pageIndex });
                }
              }}
            >
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {t('directory.number', { value: size })}
                </option>
              ))}
            </select>
          </span>
          <span className="directory__pages">
            <button
              type="button"
              className="pill-button"
              disabled={page.pageIndex === 0}
              onClick={() => {
                goToPage(page.pageIndex - 1);
              }}
            >
              {t('directory.previous')}
            </button>
            <span className="directory__page">
              {t('directory.page', { page: page.pageIndex + 1, pages: page.pageCount })}
            </span>
            <button
              type="button"
              className="pill-button"
              disabled={page.pageIndex >= page.pageCount - 1}
              onClick={() => {
                goToPage(page.pageIndex + 1);
              }}
            >
              {t('directory.next')}
            </button>
          </span>
        </nav>
      )}
    </section>
  );
}

/** The table of one page of rows, with sortable column headers. */
function DirectoryTable({
  rows,
  sort,
  onSort,
  onShowOnMap,
}: {
  rows: readonly DirectoryRow[];
  sort: DirectorySort;
  onSort: (column: DirectoryColumn) => void;
  onShowOnMap: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const canEdit = useCanEdit();
  const { dispatch: select } = useSelection();
  const labels: Record<DirectoryColumn, string> = {
    name: t('directory.columns.name'),
    orgKind: t('directory.columns.orgKind'),
    status: t('directory.columns.status'),
    degree: t('directory.columns.degree'),
    since: t('directory.columns.since'),
  };
  const cellClass = (column: DirectoryColumn) =>
    `directory__cell directory__cell--${column}${SECONDARY.has(column) ? ' directory__secondary' : ''}`;

  return (
    <table className="directory__table">
      <thead>
        <tr>
          {DIRECTORY_COLUMNS.map((column) => {
            const sorted = sort.column === column ? sort.direction : null;
            return (
              <th
                key={column}
                scope="col"
                className={cellClass(column)}
                aria-sort={sorted ?? undefined}
              >
                <button
                  type="button"
                  className="directory__sort"
                  onClick={() => {
                    onSort(column);
                  }}
                >
                  {labels[column]}
                  <svg
                    className={
                      sorted === null
                        ? 'directory__arrow'
                        : `directory__arrow directory__arrow--${sorted}`
                    }
                    viewBox="0 0 12 12"
                    aria-hidden="true"
                  >
                    <path
                      d={
                        sorted === null
                          ? 'M3 4.5 6 1.5 9 4.5M3 7.5 6 10.5 9 7.5'
                          : 'M6 2v8M3 7l3 3 3-3'
                      }
                    />
                  </svg>
                </button>
              </th>
            );
          })}
          <th scope="col" className="directory__cell directory__cell--action">
            <span className="visually-hidden">{t('directory.columns.action')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row" className={cellClass('name')}>
              <button
                type="button"
                className="directory__name"
                onClick={() => {
                  onShowOnMap(row.id);
                }}
              >
                {row.name}
              </button>
            </th>
            <td className={cellClass('orgKind')}>
              <span className="directory__kind">
                <NodeSwatch
                  swatch={swatchOf('organisation', row.orgKind)}
                  shape="ellipse"
                  hub={row.orgKind === 'network'}
                />
                {row.orgKind ? t(`kinds.org.${row.orgKind}`) : t('directory.unknown')}
              </span>
            </td>
            <td className={cellClass('status')}>
              {row.status ? (
                <span className={`directory__status directory__status--${row.status}`}>
                  {t(`kinds.status.${row.status}`)}
                </span>
              ) : (
                t('directory.unknown')
              )}
            </td>
            <td className={cellClass('degree')}>{t('directory.number', { value: row.degree })}</td>
            <td className={cellClass('since')}>
              {row.since ? formatDate(row.since, i18n.language) : t('directory.unknown')}
            </td>
            <td className="directory__cell directory__cell--action">
              <button
                type="button"
                className="pill-button directory__show"
                onClick={() => {
                  onShowOnMap(row.id);
                }}
              >
                {t('directory.showOnMap')}
              </button>
              {canEdit && (
                <button
                  type="button"
                  className="pill-button directory__edit"
                  aria-label={t('editing.directory.edit', { name: row.name })}
                  onClick={() => {
                    select({ type: 'select', id: row.id, source: 'details' });
                    dispatchEditor({ type: 'editNode', id: row.id });
                  }}
                >
                  {t('editing.edit')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
