import { useEffect } from 'react';
import { useCyRef } from '../cy-context';
import { useMapHandle } from '../map-handle';

/** Points the page's map handle (map-handle.ts) at this canvas's instance while it lives. */
export function MapHandleController() {
  const cyRef = useCyRef();
  const mapRef = useMapHandle();

  useEffect(() => {
    const cy = cyRef.current;
    mapRef.current = cy;
    return () => {
      if (mapRef.current === cy) mapRef.current = null;
    };
  }, [cyRef, mapRef]);

  return null;
}
