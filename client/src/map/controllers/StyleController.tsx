import { useEffect } from 'react';
import { useCyRef } from '../cy-context';
import { buildStylesheet, prefersCurvedLinks } from '../style';

/** Applies the stylesheet; rebuilds it only when the map crosses the curved/straight threshold. */
export function StyleController({ linkCount }: { linkCount: number }) {
  const cyRef = useCyRef();
  const curved = prefersCurvedLinks(linkCount);
  useEffect(() => {
    cyRef.current?.style(buildStylesheet({ curved }));
  }, [cyRef, curved]);
  return null;
}
