/**
 * Every command the map offers, in one list: the toolbar, the keyboard shortcuts, the context
 * menus and the `?` overlay are all generated from it, so a command added here shows up in each
 * place it says it belongs. Descriptors are plain data plus two functions of the page's state,
 * which keeps them testable without React or a canvas.
 */
import { roleAtLeast, type Audience, type Role } from '@octograph/graph-schema';
import { FOCUS_DEPTHS, type FocusAction, type FocusDepth } from '../features/focus/focus-state';
import type { SelectionAction } from '../features/selection/selection-state';

/** The state commands look at to decide whether they apply (and whether they are "on"). */
export interface CommandState {
  selectedId: string | null;
  focusDepth: FocusDepth | null;
  /** Something found in Insights is highlighted on the map. */
  highlighted: boolean;
  /** A map with at least one node is drawn. */
  mapReady: boolean;
  labelsShown: boolean;
  /** A re-arrange is running on the server. */
  rearranging: boolean;
  /** An export is being drawn. */
  exporting: boolean;
}

/** What commands can do. */
export interface CommandEffects {
  selection: (action: SelectionAction) => void;
  focus: (action: FocusAction) => void;
  clearHighlight: () => void;
  fit: () => void;
  zoomBy: (factor: number) => void;
  toggleLabels: () => void;
  rearrange: () => void;
  exportView: (format: 'png' | 'svg') => void;
  /** Opens the Import dialog. */
  openImport: () => void;
  /** Opens the Export menu (every data format and the pictures). */
  openExport: () => void;
  showShortcuts: () => void;
  focusSearch: () => void;
  /** Opens the History dialog (the audit log). */
  openHistory: () => void;
  /** Opens the "New…" form (at the spot the map's menu was opened at, if it was). */
  openCreate: () => void;
  /** Turns the selected node's details into its edit form. */
  editSelected: () => void;
  /** Opens "Link to…" for the selected node. */
  linkFromSelected: () => void;
  /** Asks to delete the selected node (and says how many links go with it). */
  deleteSelected: () => void;
}

export type CommandContext = CommandState & CommandEffects;

/** Where a command is offered besides its keyboard shortcut. */
export type Placement = 'toolbar' | 'nodeMenu' | 'mapMenu';

/** Toolbar groups, in order; the overlay lists shortcuts under the same headings. */
export const COMMAND_GROUPS = [
  'edit',
  'focus',
  'view',
  'layout',
  'export',
  'data',
  'account',
  'help',
] as const;
export type CommandGroup = (typeof COMMAND_GROUPS)[number];

export const COMMAND_IDS = [
  'newNode',
  'editNode',
  'linkTo',
  'deleteNode',
  'focus1',
  'focus2',
  'focus3',
  'clear',
  'fit',
  'zoomIn',
  'zoomOut',
  'toggleLabels',
  'rearrange',
  'exportPng',
  'exportSvg',
  'importData',
  'exportData',
  'search',
  'shortcuts',
  'history',
] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

export interface Command {
  id: CommandId;
  group: CommandGroup;
  /** `KeyboardEvent.key` values that run it (without Ctrl, Alt or Meta). */
  keys: readonly string[];
  placements: readonly Placement[];
  /**
   * The weakest role it is offered to (see isOffered); left out, it is offered to everyone who
   * can see the map. A command that writes says 'editor'.
   */
  requires?: Role;
  isEnabled(state: CommandState): boolean;
  /** For toggles and choices: whether it is on now (aria-pressed). */
  isPressed?(state: CommandState): boolean;
  run(context: CommandContext): void;
}

const ZOOM_STEP = 1.4;
const always = () => true;
const hasSelection = (state: CommandState) => state.selectedId !== null;
const hasMap = (state: CommandState) => state.mapReady;

const FOCUS_COMMAND_IDS: Readonly<Record<FocusDepth, CommandId>> = {
  1: 'focus1',
  2: 'focus2',
  3: 'focus3',
};

function focusCommand(depth: FocusDepth): Command {
  return {
    id: FOCUS_COMMAND_IDS[depth],
    group: 'focus',
    keys: [String(depth)],
    placements: ['toolbar', 'nodeMenu'],
    isEnabled: hasSelection,
    isPressed: (state) => state.focusDepth === depth,
    run: (context) => {
      context.focus({ type: 'focus', depth });
    },
  };
}

export const COMMANDS: readonly Command[] = [
  {
    id: 'newNode',
    group: 'edit',
    keys: ['n'],
    placements: ['toolbar', 'mapMenu'],
    requires: 'editor',
    // Also on an empty map: this is how a network's first group can be added by hand.
    isEnabled: always,
    run: (context) => {
      context.openCreate();
    },
  },
  {
    id: 'editNode',
    group: 'edit',
    keys: ['e'],
    placements: ['nodeMenu'],
    requires: 'editor',
    isEnabled: hasSelection,
    run: (context) => {
      context.editSelected();
    },
  },
  {
    id: 'linkTo',
    group: 'edit',
    keys: ['k'],
    placements: ['nodeMenu'],
    requires: 'editor',
    isEnabled: hasSelection,
    run: (context) => {
      context.linkFromSelected();
    },
  },
  {
    id: 'deleteNode',
    group: 'edit',
    keys: ['Delete'],
    placements: ['nodeMenu'],
    requires: 'editor',
    isEnabled: hasSelection,
    run: (context) => {
      context.deleteSelected();
    },
  },
  ...FOCUS_DEPTHS.map(focusCommand),
  {
    id: 'clear',
    group: 'focus',
    keys: ['Escape'],
    placements: ['toolbar', 'nodeMenu'],
    isEnabled: (state) => hasSelection(state) || state.highlighted,
    // Step back one level: first the focus ends, then the selection, then an Insights highlight.
    run: (context) => {
      if (context.focusDepth !== null) context.focus({ type: 'clear' });
      else if (context.selectedId !== null) context.selection({ type: 'clear' });
      else context.clearHighlight();
    },
  },
  {
    id: 'fit',
    group: 'view',
    keys: ['f', '0'],
    placements: ['toolbar', 'mapMenu'],
    isEnabled: hasMap,
    run: (context) => {
      context.fit();
    },
  },
  {
    id: 'zoomIn',
    group: 'view',
    keys: ['+', '='],
    placements: [],
    isEnabled: hasMap,
    run: (context) => {
      context.zoomBy(ZOOM_STEP);
    },
  },
  {
    id: 'zoomOut',
    group: 'view',
    keys: ['-'],
    placements: [],
    isEnabled: hasMap,
    run: (context) => {
      context.zoomBy(1 / ZOOM_STEP);
    },
  },
  {
    id: 'toggleLabels',
    group: 'view',
    keys: ['l'],
    placements: ['toolbar', 'mapMenu'],
    isEnabled: hasMap,
    isPressed: (state) => state.labelsShown,
    run: (context) => {
      context.toggleLabels();
    },
  },
  {
    id: 'rearrange',
    group: 'layout',
    keys: [],
    placements: ['toolbar', 'mapMenu'],
    requires: 'editor',
    isEnabled: (state) => state.mapReady && !state.rearranging,
    run: (context) => {
      context.rearrange();
    },
  },
  {
    id: 'exportPng',
    group: 'export',
    keys: [],
    placements: ['toolbar', 'mapMenu'],
    isEnabled: (state) => state.mapReady && !state.exporting,
    run: (context) => {
      context.exportView('png');
    },
  },
  {
    id: 'exportSvg',
    group: 'export',
    keys: [],
    placements: ['toolbar', 'mapMenu'],
    isEnabled: (state) => state.mapReady && !state.exporting,
    run: (context) => {
      context.exportView('svg');
    },
  },
  {
    id: 'importData',
    group: 'data',
    keys: [],
    placements: ['toolbar', 'mapMenu'],
    requires: 'editor',
    // Also (above all) with an empty map: importing is how a network's first groups arrive.
    isEnabled: always,
    run: (context) => {
      context.openImport();
    },
  },
  {
    id: 'exportData',
    group: 'data',
    keys: [],
    placements: ['toolbar', 'mapMenu'],
    isEnabled: always,
    run: (context) => {
      context.openExport();
    },
  },
  {
    id: 'search',
    group: 'help',
    keys: ['/'],
    placements: [],
    isEnabled: always,
    run: (context) => {
      context.focusSearch();
    },
  },
  {
    id: 'shortcuts',
    group: 'help',
    keys: ['?'],
    placements: ['toolbar'],
    isEnabled: always,
    run: (context) => {
      context.showShortcuts();
    },
  },
  {
    id: 'history',
    group: 'account',
    keys: ['h'],
    placements: ['mapMenu'],
    // Editors see their own changes, admins everyone's (the server decides which).
    requires: 'editor',
    isEnabled: always,
    run: (context) => {
      context.openHistory();
    },
  },
];

/**
 * Whether a command is offered at all to someone of `audience`: a viewer (or a visitor who is
 * not signed in) is not shown the commands that write, anywhere, nor can run them by key.
 */
export function isOffered(command: Command, audience: Audience): boolean {
  return command.requires === undefined || roleAtLeast(audience, command.requires);
}

/** One command by its id. */
export function commandById(id: CommandId): Command {
  const command = COMMANDS.find((candidate) => candidate.id === id);
  if (!command) throw new Error(`No command ${id} in the registry`);
  return command;
}

/** The commands offered in one place, in registry order. */
export function commandsFor(placement: Placement): Command[] {
  return COMMANDS.filter((command) => command.placements.includes(placement));
}

/** What the keyboard handler needs to know about a key press. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** The press went to a text field (search box, filters, a form). */
  typing: boolean;
}

/**
 * The command a key press runs, or null. Shortcuts never fire with Ctrl, Alt or Meta (those
 * belong to the browser) nor while typing, except Escape, which always steps back. Letters match
 * either case, so Caps Lock does not turn shortcuts off.
 */
export function commandForKey(press: KeyPress, state: CommandState): Command | null {
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  if (press.typing && press.key !== 'Escape') return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  const command = COMMANDS.find((candidate) => candidate.keys.includes(key));
  return command && command.isEnabled(state) ? command : null;
}
