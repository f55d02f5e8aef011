import { describe, expect, it, vi } from 'vitest';
import {
  COMMAND_IDS,
  COMMANDS,
  commandById,
  commandForKey,
  commandsFor,
  type CommandContext,
  type CommandState,
  type KeyPress,
} from '../../client/src/commands/registry.js';
import { en } from '../../client/src/i18n/en.js';

const idle: CommandState = {
  selectedId: null,
  focusDepth: null,
  highlighted: false,
  mapReady: true,
  labelsShown: true,
  rearranging: false,
  exporting: false,
};
const selected: CommandState = { ...idle, selectedId: 'org-1' };

function press(key: string, extra: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, altKey: false, metaKey: false, typing: false, ...extra };
}

function context(state: CommandState): CommandContext {
  return {
    ...state,
    selection: vi.fn(),
    focus: vi.fn(),
    clearHighlight: vi.fn(),
    fit: vi.fn(),
    zoomBy: vi.fn(),
    toggleLabels: vi.fn(),
    rearrange: vi.fn(),
    exportView: vi.fn(),
    openImport: vi.fn(),
    openExport: vi.fn(),
    showShortcuts: vi.fn(),
    focusSearch: vi.fn(),
    openHistory: vi.fn(),
    openCreate: vi.fn(),
    editSelected: vi.fn(),
    linkFromSelected: vi.fn(),
    deleteSelected: vi.fn(),
  };
}

describe('the command registry', () => {
  it('has every command once, each with a label and a description in English', () => {
    expect(COMMANDS.map((command) => command.id)).toEqual([...COMMAND_IDS]);
    for (const id of COMMAND_IDS) {
      expect(en.commands.label[id]).not.toBe('');
      expect(en.commands.hint[id]).not.toBe('');
    }
  });

  it('never gives two commands the same key', () => {
    const keys = COMMANDS.flatMap((command) => command.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('offers what the issue names in the toolbar: focus, depth, clear, re-arrange, export, labels, fit', () => {
    expect(commandsFor('toolbar').map((command) => command.id)).toEqual(
      expect.arrayContaining([
        'focus1',
        'focus2',
        'focus3',
        'clear',
        'rearrange',
        'exportPng',
        'exportSvg',
        'toggleLabels',
        'fit',
        'shortcuts',
      ]),
    );
  });

  it("offers a node's edit and focus commands in its context menu and the map's in the background menu", () => {
    expect(commandsFor('nodeMenu').map((command) => command.id)).toEqual([
      'editNode',
      'linkTo',
      'deleteNode',
      'focus1',
      'focus2',
      'focus3',
      'clear',
    ]);
    expect(commandsFor('mapMenu').map((command) => command.id)).toContain('rearrange');
    expect(commandsFor('mapMenu').map((command) => command.id)).toContain('newNode');
    expect(commandsFor('toolbar').map((command) => command.id)).toContain('newNode');
  });
});

describe('commandForKey', () => {
  it.each([
    ['1', 'focus1'],
    ['2', 'focus2'],
    ['3', 'focus3'],
    ['Escape', 'clear'],
    ['f', 'fit'],
    ['F', 'fit'],
    ['l', 'toggleLabels'],
    ['+', 'zoomIn'],
    ['-', 'zoomOut'],
    ['?', 'shortcuts'],
    ['/', 'search'],
    ['n', 'newNode'],
    ['N', 'newNode'],
    ['e', 'editNode'],
    ['k', 'linkTo'],
    ['Delete', 'deleteNode'],
  ])('runs %s as %s when a node is selected', (key, id) => {
    expect(commandForKey(press(key), selected)?.id).toBe(id);
  });

  it('ignores focus keys with nothing selected (there is nothing to focus on)', () => {
    expect(commandForKey(press('2'), idle)).toBeNull();
    expect(commandForKey(press('Escape'), idle)).toBeNull();
  });

  it('leaves keys with Ctrl, Alt or Meta to the browser', () => {
    expect(commandForKey(press('f', { ctrlKey: true }), selected)).toBeNull();
    expect(commandForKey(press('1', { altKey: true }), selected)).toBeNull();
    expect(commandForKey(press('l', { metaKey: true }), selected)).toBeNull();
  });

  it('lets one type in a text field, except Escape, which still steps back', () => {
    expect(commandForKey(press('1', { typing: true }), selected)).toBeNull();
    expect(commandForKey(press('/', { typing: true }), selected)).toBeNull();
    expect(commandForKey(press('Escape', { typing: true }), selected)?.id).toBe('clear');
  });

  it('does not start a second re-arrange while one runs', () => {
    expect(commandById('rearrange').isEnabled({ ...idle, rearranging: true })).toBe(false);
    expect(commandById('rearrange').isEnabled(idle)).toBe(true);
  });

  it('offers no map command before a map is drawn', () => {
    const empty = { ...idle, mapReady: false };
    for (const id of ['fit', 'toggleLabels', 'rearrange', 'exportPng', 'exportSvg'] as const) {
      expect(commandById(id).isEnabled(empty)).toBe(false);
    }
  });
});

describe('running commands', () => {
  it('focuses at the depth of the key', () => {
    const ctx = context(selected);
    commandById('focus2').run(ctx);
    expect(ctx.focus).toHaveBeenCalledWith({ type: 'focus', depth: 2 });
  });

  it('shows the focus depth that is on as pressed', () => {
    const state = { ...selected, focusDepth: 3 as const };
    expect(commandById('focus3').isPressed?.(state)).toBe(true);
    expect(commandById('focus1').isPressed?.(state)).toBe(false);
  });

  it('clears the focus first, and the selection only when no focus is left', () => {
    const focused = context({ ...selected, focusDepth: 2 });
    commandById('clear').run(focused);
    expect(focused.focus).toHaveBeenCalledWith({ type: 'clear' });
    expect(focused.selection).not.toHaveBeenCalled();

    const plain = context(selected);
    commandById('clear').run(plain);
    expect(plain.selection).toHaveBeenCalledWith({ type: 'clear' });
    expect(plain.clearHighlight).not.toHaveBeenCalled();
  });

  it('clears an Insights highlight when nothing is selected, and only then', () => {
    expect(commandById('clear').isEnabled({ ...idle, highlighted: true })).toBe(true);
    const highlighted = context({ ...idle, highlighted: true });
    commandById('clear').run(highlighted);
    expect(highlighted.clearHighlight).toHaveBeenCalled();
    expect(highlighted.selection).not.toHaveBeenCalled();
  });

  it('exports in the format the command names', () => {
    const ctx = context(idle);
    commandById('exportSvg').run(ctx);
    commandById('exportPng').run(ctx);
    expect(ctx.exportView).toHaveBeenNthCalledWith(1, 'svg');
    expect(ctx.exportView).toHaveBeenNthCalledWith(2, 'png');
  });

  it.each([
    ['newNode', 'openCreate'],
    ['editNode', 'editSelected'],
    ['linkTo', 'linkFromSelected'],
    ['deleteNode', 'deleteSelected'],
  ] as const)('runs %s as %s', (id, effect) => {
    const ctx = context(selected);
    commandById(id).run(ctx);
    expect(ctx[effect]).toHaveBeenCalledOnce();
  });

  it('offers editing a node, linking it and deleting it only with a node selected', () => {
    for (const id of ['editNode', 'linkTo', 'deleteNode'] as const) {
      expect(commandById(id).isEnabled(idle)).toBe(false);
      expect(commandById(id).isEnabled(selected)).toBe(true);
    }
    // A network's first group can be added on an empty map.
    expect(commandById('newNode').isEnabled({ ...idle, mapReady: false })).toBe(true);
  });

  it('zooms in and out by the same step', () => {
    const ctx = context(idle);
    commandById('zoomIn').run(ctx);
    commandById('zoomOut').run(ctx);
    const [[zoomIn], [zoomOut]] = vi.mocked(ctx.zoomBy).mock.calls as [[number], [number]];
    expect(zoomIn).toBeGreaterThan(1);
    expect(zoomIn * zoomOut).toBeCloseTo(1);
  });
});
