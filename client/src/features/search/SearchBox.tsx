import { orgKindOf, type GraphNode } from '@octograph/graph-schema';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error';
import { useNodeSearch } from '../../api/queries';
import { NODE_KIND_SHAPES, swatchOf } from '../../map/palette';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { NodeSwatch } from '../legend/KindSwatch';
import { useSelection } from '../selection/selection-context';
import { useCanEdit } from '../account/session';
import { dispatchEditor } from '../editing/editor-store';
import { SEARCH_INPUT_ID } from './search-input';

const SEARCH_DELAY_MS = 150;
/** What the search box offers to add when nothing matches what was typed. */
const ADDABLE_KINDS = ['organisation', 'person', 'project'] as const;
const RESULT_LIMIT = 8;

/**
 * Type-ahead search over node names (GET /api/nodes?q=). Choosing a result, by click or Enter,
 * selects the node: its details open and the map centres on it. `/` focuses the box (the
 * `search` command).
 */
export function SearchBox() {
  const { t } = useTranslation();
  const { dispatch } = useSelection();
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebouncedValue(text, SEARCH_DELAY_MS);
  const search = useNodeSearch(query, RESULT_LIMIT);
  const canEdit = useCanEdit();

  const results = text.trim() === '' ? [] : (search.data?.items ?? []);
  const activeIndex = Math.min(active, Math.max(0, results.length - 1));
  const showList = open && text.trim() !== '';

  const choose = (node: GraphNode) => {
    dispatch({ type: 'select', id: node.id, source: 'search' });
    setText(node.name);
    setOpen(false);
    // The keys go back to the page: pressing 1 (focus) or E (edit) must not type in here.
    inputRef.current?.blur();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive(results.length === 0 ? 0 : (activeIndex + 1) % results.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive(results.length === 0 ? 0 : (activeIndex - 1 + results.length) % results.length);
        break;
      case 'Enter': {
        const node = results[activeIndex];
        if (showList && node) {
          event.preventDefault();
          choose(node);
        }
        break;
      }
      case 'Escape':
        // First close the list, then clear the text; keep Escape from also closing the details.
        if (showList) {
          event.stopPropagation();
          setOpen(false);
        } else if (text !== '') {
          event.stopPropagation();
          setText('');
        }
        break;
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  const more = (search.data?.total ?? 0) - results.length;

  return (
    <div className="search">
      <svg className="search__icon" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="7" cy="7" r="4.5" />
        <path d="M10.5 10.5 14 14" />
      </svg>
      <input
        ref={inputRef}
        id={SEARCH_INPUT_ID}
        className="search__input"
        type="search"
        role="combobox"
        aria-label={t('search.label')}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && results.length > 0 ? optionId(activeIndex) : undefined}
        placeholder={t('search.placeholder')}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => {
          setOpen(true);
        }}
        onBlur={() => {
          setOpen(false);
        }}
        onKeyDown={onKeyDown}
      />
      <kbd className="search__hint" aria-hidden="true">
        /
      </kbd>
      {showList && (
        <div className="search__popup">
          <ul className="search__results" role="listbox" id={listId} aria-label={t('search.label')}>
            {results.map((node, index) => {
              const orgKind = orgKindOf(node);
              return (
                <li
                  key={node.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === activeIndex}
                  className="search__result"
                  // Keep the focus in the input, so the blur does not close the list first.
                  onMouseDown={(event) => {
                    event.preventDefault();
                  }}
                  onMouseEnter={() => {
                    setActive(index);
                  }}
                  onClick={() => {
                    choose(node);
                  }}
                >
                  <NodeSwatch
                    swatch={swatchOf(node.kind, orgKind)}
                    shape={NODE_KIND_SHAPES[node.kind]}
                    hub={orgKind === 'network'}
                  />
                  <span className="search__name">{node.name}</span>
                  <span className="search__kind">
                    {orgKind ? t(`kinds.org.${orgKind}`) : t(`kinds.node.${node.kind}`)}
                  </span>
                </li>
              );
            })}
          </ul>
          {search.isError && (
            <p className="search__message" role="alert">
              {t(describeError(search.error).title)}
            </p>
          )}
          {!search.isError && results.length === 0 && (
            <p className="search__message">
              {search.isFetching || query !== text
                ? t('search.searching')
                : t('search.noResults', { query: text.trim() })}
            </p>
          )}
          {more > 0 && (
            <p className="search__message">{t('search.moreResults', { count: more })}</p>
          )}
          {canEdit &&
            !search.isError &&
            results.length === 0 &&
            !search.isFetching &&
            query === text && (
              <ul className="search__add" aria-label={t('commands.label.newNode')}>
                {ADDABLE_KINDS.map((kind) => (
                  <li key={kind}>
                    <button
                      type="button"
                      className="search__add-button"
                      // Keep the focus in the input, so the blur does not close the list first.
                      onMouseDown={(event) => {
                        event.preventDefault();
                      }}
                      onClick={() => {
                        setOpen(false);
                        dispatchEditor({
                          type: 'open',
                          dialog: {
                            type: 'create',
                            kind,
                            name: text.trim(),
                            at: null,
                            linkTo: null,
                          },
                        });
                      }}
                    >
                      {t('editing.search.addAs', {
                        name: text.trim(),
                        kind: t(`kinds.node.${kind}`).toLowerCase(),
                      })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
        </div>
      )}
    </div>
  );
}
