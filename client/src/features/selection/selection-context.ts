import { createContext, useContext, type Dispatch } from 'react';
import type { SelectionAction, SelectionState } from './selection-state';

export interface SelectionContextValue {
  state: SelectionState;
  dispatch: Dispatch<SelectionAction>;
}

export const SelectionContext = createContext<SelectionContextValue | null>(null);

/** The selection and its dispatcher; only inside SelectionProvider. */
export function useSelection(): SelectionContextValue {
  const value = useContext(SelectionContext);
  if (value === null) throw new Error('useSelection must be used inside <SelectionProvider>');
  return value;
}
