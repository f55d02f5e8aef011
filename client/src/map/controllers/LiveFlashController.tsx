import { useEffect } from 'react';
import { onGraphChange } from '../../api/live-updates';
import { useCyRef } from '../cy-context';

/** How long a node or link someone else just changed stands out. */
const FLASH_MS = 2500;
/** How long to look for an element the change named (it arrives with the map read after it). */
const WAIT_MS = 5000;

/**
 * A short highlight on the nodes and links just added or changed (from the change stream: by
 * someone else, or by the same person on their phone), so a coordinator watching the map notices
 * the link made at the meeting. Renders nothing.
 */
export function LiveFlashController() {
  const cyRef = useCyRef();

  useEffect(() => {
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const later = (ms: number, run: () => void) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        run();
      }, ms);
      timers.add(timer);
    };
    const stop = onGraphChange((event) => {
      const ids = [...event.nodes, ...event.links];
      const started = performance.now();
      const flash = () => {
        const cy = cyRef.current;
        if (!cy) return;
        const found = cy.collection();
        for (const id of ids) {
          const element = cy.getElementById(id);
          if (element.nonempty()) found.merge(element);
        }
        // Not on the canvas yet (the map is being read again): look once more in a moment.
        if (found.length < ids.length && performance.now() - started < WAIT_MS) {
          later(250, flash);
          if (found.empty()) return;
        }
        found.addClass('live-changed');
        later(FLASH_MS, () => {
          found.removeClass('live-changed');
        });
      };
      flash();
    });
    return () => {
      stop();
      for (const timer of timers) clearTimeout(timer);
    };
  }, [cyRef]);

  return null;
}
