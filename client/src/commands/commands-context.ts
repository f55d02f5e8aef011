import { createContext, use } from 'react';
import type { Command, CommandState } from './registry';

/** The registry bound to the page: the state commands see, and a way to run one. */
export interface CommandsValue {
  state: CommandState;
  run: (command: Command) => void;
  /** Whether the command is offered to the person using the page (see isOffered). */
  offered: (command: Command) => boolean;
  /** The `?` overlay. */
  shortcutsOpen: boolean;
  closeShortcuts: () => void;
}

export const CommandsContext = createContext<CommandsValue | null>(null);

export function useCommands(): CommandsValue {
  const value = use(CommandsContext);
  if (value === null) throw new Error('useCommands must be used inside <CommandsProvider>');
  return value;
}
