import type { EventObject, EventObjectNode } from 'cytoscape';
import { useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dispatchEditor } from '../features/editing/editor-store';
import { useCyRef } from '../map/cy-context';
import { modelScaleOf, toServerPosition } from '../map/model-scale';
import { useCommands } from './commands-context';
import { commandsFor, type Command } from './registry';
import { shortcutText } from './shortcut-text';

const NODE_MENU = commandsFor('nodeMenu');
const MAP_MENU = commandsFor('mapMenu');

interface OpenMenu {
  /** The node right-clicked (or long-pressed), or null for the background. */
  node: { id: string; name: string } | null;
  /** Where, in pixels from the canvas's top-left corner. */
  x: number;
  y: number;
}

/**
 * The map's context menu: right-click (or long-press on a touch screen) on a node offers the
 * node's commands, on the background the map's, both from the command registry. A node is
 * selected first, so its commands apply to it.
 */
export function ContextMenuController({ onSelect }: { onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const cyRef = useCyRef();
  const { state, run, offered } = useCommands();
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const select = useEffectEvent((id: string) => {
    onSelect(id);
  });

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return undefined;
    const onNode = (event: EventObjectNode) => {
      const node = event.target;
      const { x, y } = event.renderedPosition;
      select(node.id());
      setMenu({ node: { id: node.id(), name: String(node.data('label')) }, x, y });
    };
    const onBackground = (event: EventObject) => {
      const target: unknown = event.target;
      if (target !== cy) return;
      // A node made from this menu ("New…") goes where it was opened, in the server's units.
      const spot = toServerPosition('', event.position, modelScaleOf(cy));
      dispatchEditor({ type: 'menuSpot', at: { x: spot.x, y: spot.y } });
      setMenu({ node: null, ...event.renderedPosition });
    };
    const close = () => {
      setMenu(null);
    };
    cy.on('cxttap taphold', 'node', onNode);
    cy.on('cxttap taphold', onBackground);
    cy.on('tapstart viewport', close);
    return () => {
      cy.off('cxttap taphold', 'node', onNode);
      cy.off('cxttap taphold', onBackground);
      cy.off('tapstart viewport', close);
    };
  }, [cyRef]);

  // Keyboard users land on the first item; Escape or a click elsewhere closes the menu.
  useEffect(() => {
    if (menu === null) {
      // After the command chosen has run: the spot belongs to this menu only.
      dispatchEditor({ type: 'menuSpot', at: null });
      return undefined;
    }
    menuRef.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) setMenu(null);
    };
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [menu]);

  if (menu === null) return null;
  const commands = (menu.node === null ? MAP_MENU : NODE_MENU).filter(offered);
  const choose = (command: Command) => {
    setMenu(null);
    run(command);
  };

  return (
    <div
      ref={menuRef}
      id={menuId}
      className="context-menu"
      role="menu"
      aria-label={
        menu.node === null
          ? t('commands.mapMenu')
          : t('commands.nodeMenu', { name: menu.node.name })
      }
      style={{ left: menu.x, top: menu.y }}
      onKeyDown={(event) => {
        const items = [
          ...(menuRef.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? []),
        ];
        const index = items.findIndex((item) => item === document.activeElement);
        if (event.key === 'Escape') {
          event.stopPropagation();
          setMenu(null);
        } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          const step = event.key === 'ArrowDown' ? 1 : -1;
          items[(index + step + items.length) % items.length]?.focus();
        }
        // The page's single-key shortcuts stay quiet while the menu has the keyboard.
        event.stopPropagation();
      }}
    >
      {menu.node !== null && <div className="context-menu__title">{menu.node.name}</div>}
      {commands.map((command) => {
        const keys = shortcutText(command, t);
        return (
          <button
            key={command.id}
            type="button"
            role="menuitem"
            className="context-menu__item"
            disabled={!command.isEnabled(state)}
            onClick={() => {
              choose(command);
            }}
          >
            <span>{t(`commands.hint.${command.id}`)}</span>
            {keys !== '' && <kbd>{keys}</kbd>}
          </button>
        );
      })}
    </div>
  );
}
