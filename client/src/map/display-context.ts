import { createContext, use } from 'react';

/** How the map is drawn, as the commands set it (the labels command). */
export interface MapDisplay {
  labelsShown: boolean;
}

export const MapDisplayContext = createContext<MapDisplay>({ labelsShown: true });

export function useMapDisplay(): MapDisplay {
  return use(MapDisplayContext);
}
