import { escapeCloses } from '../../ui/escape-closes';
import {
  DateSchema,
  LINK_KINDS,
  NODE_KINDS,
  NODE_STATUSES,
  ORGANISATION_KINDS,
  type NodeKind,
} from '@octograph/graph-schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNodeOptions } from '../../api/queries';
import { CloseButton } from '../../ui/CloseButton';
import { SheetSection } from '../../ui/SheetSection';
import { activeFilterCount, EMPTY_FILTERS, toggleFilter, type FilterListKey } from './filter-state';
import { useFilters } from './filters-context';

interface Option {
  value: string;
  label: string;
}

/**
 * The filters panel: a collapsible checkbox list per filter and an as-of date. Changes go to the
 * filters state; the map query sends them to the server, which does the filtering.
 */
export function FiltersPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { filters, setFilters } = useFilters();

  const toggle = (key: FilterListKey, value: string) => {
    setFilters((current) => toggleFilter(current, key, value));
  };
  const section = (key: FilterListKey, options: readonly Option[] | null, note?: string) => (
    <FilterSection
      key={key}
      title={t(`filters.${key}`)}
      options={options}
      note={note}
      selected={filters[key]}
      onToggle={(value) => {
        toggle(key, value);
      }}
    />
  );

  return (
    <aside
      className="filters"
      id={id}
      aria-label={t('filters.label')}
      onKeyDown={escapeCloses(onClose)}
    >
      <header className="sheet__header">
        <h2 className="sheet__title">{t('filters.label')}</h2>
        <button
          type="button"
          className="sheet__action"
          disabled={activeFilterCount(filters) === 0}
          onClick={() => {
            setFilters(EMPTY_FILTERS);
          }}
        >
          {t('filters.clear')}
        </button>
        <CloseButton label={t('filters.close')} onClick={onClose} />
      </header>
      <label className="filters__date">
        <span className="sheet__heading">{t('filters.asOf')}</span>
        <input
          type="date"
          title={t('filters.asOfHint')}
          value={filters.asOf ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            const asOf = DateSchema.safeParse(value).success ? value : null;
            setFilters((current) => ({ ...current, asOf }));
          }}
        />
      </label>
      {section(
        'orgKind',
        ORGANISATION_KINDS.map((value) => ({ value, label: t(`kinds.org.${value}`) })),
      )}
      {section(
        'kind',
        NODE_KINDS.map((value) => ({ value, label: t(`kinds.nodePlural.${value}`) })),
      )}
      <NodeOptionsSection kind="theme" onToggle={toggle} selected={filters.theme} />
      <NodeOptionsSection kind="place" onToggle={toggle} selected={filters.place} />
      {section(
        'status',
        NODE_STATUSES.map((value) => ({ value, label: t(`kinds.status.${value}`) })),
      )}
      {section(
        'linkKind',
        LINK_KINDS.map((value) => ({ value, label: t(`kinds.link.${value}`) })),
      )}
    </aside>
  );
}

/** Themes or places as choices, by name, from GET /api/nodes?kind=…&limit=500. */
function NodeOptionsSection({
  kind,
  selected,
  onToggle,
}: {
  kind: Extract<NodeKind, 'theme' | 'place'>;
  selected: readonly string[];
  onToggle: (key: 'theme' | 'place', value: string) => void;
}) {
  const { t } = useTranslation();
  const query = useNodeOptions(kind);
  const options = query.data?.items.map((node) => ({ value: node.id, label: node.name })) ?? null;
  let note: string | undefined;
  if (query.isError) note = t('filters.failed');
  else if (query.isPending) note = t('filters.loading');
  return (
    <FilterSection
      title={t(`filters.${kind}`)}
      options={options}
      note={note}
      selected={selected}
      onToggle={(value) => {
        onToggle(kind, value);
      }}
    />
  );
}

/** One collapsible checkbox list; open at first when something in it is ticked. */
function FilterSection({
  title,
  options,
  note,
  selected,
  onToggle,
}: {
  title: string;
  options: readonly Option[] | null;
  note?: string | undefined;
  selected: readonly string[];
  onToggle: (value: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(selected.length > 0);
  return (
    <SheetSection
      title={title}
      badge={
        selected.length > 0 && (
          <span className="filters__badge">
            {t('filters.selected', { value: selected.length })}
          </span>
        )
      }
      open={open}
      onToggle={() => {
        setOpen((value) => !value);
      }}
    >
      {note !== undefined && <p className="muted">{note}</p>}
      {options?.length === 0 && <p className="muted">{t('filters.none')}</p>}
      {options && options.length > 0 && (
        <ul className="filters__list">
          {options.map(({ value, label }) => (
            <li key={value}>
              <label className="filters__option">
                <input
                  type="checkbox"
                  checked={selected.includes(value)}
                  onChange={() => {
                    onToggle(value);
                  }}
                />
                <span>{label}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </SheetSection>
  );
}
