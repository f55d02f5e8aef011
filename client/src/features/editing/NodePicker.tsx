import { orgKindOf } from '@octograph/graph-schema';
import { useId, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useNodeSearch } from '../../api/queries';
import { shapeOf, swatchOf } from '../../map/palette';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { NodeSwatch } from '../legend/KindSwatch';
import { pickerChoices, type PickerNode } from './picker-choices';

const SEARCH_DELAY_MS = 120;
/** Asked of the server; the picker lists the best 10 (picker-choices.ts ranks them). */
const RESULT_LIMIT = 30;

export interface NodePickerProps {
  ref?: Ref<HTMLInputElement>;
  /** The input's id (a label elsewhere may point at it). */
  id?: string;
  label: string;
  /** Called with the node chosen (click, tap or Enter). */
  onPick: (node: PickerNode) => void;
  /** Which nodes may be chosen; others are not listed. */
  accepts?: (node: PickerNode) => boolean;
  /** Listed first, under their own heading (a meeting's attendees). */
  preferred?: readonly PickerNode[];
  /** Never listed (the node being linked from). */
  exclude?: readonly string[];
  autoFocus?: boolean;
}

/**
 * A type-ahead picker of one node: type a few letters, the matches appear (the preferred ones
 * first), arrows and Enter or a tap choose. The whole list is in the page, not a pop-up, so it
 * works the same with a keyboard, a mouse and a finger.
 */
export function NodePicker({
  ref,
  id,
  label,
  onPick,
  accepts,
  preferred = [],
  exclude = [],
  autoFocus,
}: NodePickerProps) {
  const { t } = useTranslation();
  const ownId = useId();
  const inputId = id ?? `${ownId}-input`;
  const listId = `${ownId}-list`;
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const query = useDebouncedValue(text, SEARCH_DELAY_MS);
  const search = useNodeSearch(query, RESULT_LIMIT);
  const found = (search.data?.items ?? []).map((node) => ({
    id: node.id,
    name: node.name,
    kind: node.kind,
    orgKind: orgKindOf(node),
  }));
  const choices = pickerChoices({
    text,
    preferred,
    found: text.trim() === '' ? [] : found,
    accepts: accepts ?? (() => true),
    exclude,
  });
  const activeIndex = Math.min(active, Math.max(0, choices.length - 1));
  const optionId = (index: number) => `${ownId}-option-${index}`;

  const choose = (node: PickerNode) => {
    onPick(node);
    setText('');
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      if (choices.length > 0) setActive((activeIndex + step + choices.length) % choices.length);
    } else if (event.key === 'Enter') {
      const node = choices[activeIndex];
      event.preventDefault();
      if (node) choose(node);
    }
  };

  const firstOther = choices.findIndex((choice) => !choice.preferred);
  const showHeadings = preferred.length > 0;

  return (
    <div className="node-picker">
      <label className="node-picker__label" htmlFor={inputId}>
        {label}
      </label>
      <input
        ref={ref}
        id={inputId}
        className="input"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={choices.length > 0}
        aria-controls={listId}
        aria-activedescendant={choices.length > 0 ? optionId(activeIndex) : undefined}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        data-autofocus={autoFocus === true ? '' : undefined}
        placeholder={t('editing.picker.placeholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul className="node-picker__list" role="listbox" id={listId} aria-label={label}>
        {choices.map((node, index) => (
          <li
            key={node.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className={
              index === firstOther && index > 0 && showHeadings
                ? 'node-picker__option node-picker__option--others'
                : 'node-picker__option'
            }
            onMouseDown={(event) => {
              // Keeps the focus in the input until the click chooses.
              event.preventDefault();
            }}
            onClick={() => {
              choose(node);
            }}
          >
            <NodeSwatch
              swatch={swatchOf(node.kind, node.orgKind)}
              shape={shapeOf(node.kind, node.orgKind)}
              hub={node.orgKind === 'network'}
            />
            <span className="node-picker__name">{node.name}</span>
            <span className="node-picker__kind">
              {node.orgKind ? t(`kinds.org.${node.orgKind}`) : t(`kinds.node.${node.kind}`)}
            </span>
          </li>
        ))}
      </ul>
      {text.trim() !== '' && choices.length === 0 && !search.isFetching && query === text && (
        <p className="muted node-picker__empty">
          {t('editing.picker.noMatches', { query: text.trim() })}
        </p>
      )}
    </div>
  );
}
