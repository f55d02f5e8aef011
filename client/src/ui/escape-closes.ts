import type { KeyboardEvent } from 'react';

/**
 * A side panel's keydown handler: Escape pressed inside it closes it, and goes no further (the
 * page's Escape would also clear the selection behind it).
 */
export function escapeCloses(onClose: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.stopPropagation();
    onClose();
  };
}
