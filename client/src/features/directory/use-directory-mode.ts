import { useCallback, useId, useMemo, useState } from 'react';
import { useSelection } from '../selection/selection-context';

/** Whether the main area shows the directory instead of the map, and the ways to switch. */
export interface DirectoryMode {
  open: boolean;
  toggle: () => void;
  /** Back to the map. */
  close: () => void;
  /** Back to the map, with this node selected and centred. */
  showOnMap: (id: string) => void;
  /** The id of the header's Directory button, where the focus returns when the directory hides. */
  buttonId: string;
}

/**
 * The map/directory switch for the page. The map stays mounted while the directory shows (only
 * hidden), so its canvas and viewport are still there when the user comes back.
 */
export function useDirectoryMode(): DirectoryMode {
  const [open, setOpen] = useState(false);
  const { dispatch } = useSelection();
  const buttonId = useId();

  const toggle = useCallback(() => {
    setOpen((value) => !value);
  }, []);
  // The control that had the focus (in the directory) is about to be hidden: without this the
  // focus would fall back to the start of the page.
  const close = useCallback(() => {
    setOpen(false);
    document.getElementById(buttonId)?.focus();
  }, [buttonId]);
  const showOnMap = useCallback(
    (id: string) => {
      close();
      // 'search' rather than 'map': a choice made away from the canvas, so the map centres on it.
      dispatch({ type: 'select', id, source: 'search' });
    },
    [close, dispatch],
  );

  return useMemo(
    () => ({ open, toggle, close, showOnMap, buttonId }),
    [open, toggle, close, showOnMap, buttonId],
  );
}
