/**
 * The map's Cytoscape instance, for the commands outside the canvas (toolbar, keyboard, export).
 * GraphCanvas owns the instance; MapHandleController, one of its children, points this handle at
 * it while it lives. Read `current` when a command runs, never during render.
 */
import type { Core } from 'cytoscape';
import { createContext, use } from 'react';

export interface MapHandle {
  current: Core | null;
}

export const MapHandleContext = createContext<MapHandle>({ current: null });

export function useMapHandle(): MapHandle {
  return use(MapHandleContext);
}
