import { useTranslation } from 'react-i18next';
import { useCyRef } from './cy-context';

const ZOOM_STEP = 1.4;
const ANIMATION = { duration: 250, easing: 'ease-out' } as const;

/** Zoom in, zoom out and show-everything buttons over the map's corner. */
export function ViewportControls() {
  const { t } = useTranslation();
  const cyRef = useCyRef();

  const zoomBy = (factor: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.stop(true, true);
    cy.animate(
      {
        zoom: {
          level: cy.zoom() * factor,
          renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
        },
      },
      ANIMATION,
    );
  };
  const fit = () => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.stop(true, true);
    cy.animate({ fit: { eles: cy.elements(), padding: 40 } }, ANIMATION);
  };

  return (
    <div className="viewport-controls">
      <button
        type="button"
        onClick={() => {
          zoomBy(ZOOM_STEP);
        }}
        aria-label={t('map.zoomIn')}
        title={t('map.zoomIn')}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M8 3v10M3 8h10" />
        </svg>
      </button>
      <button
        type="button"
        onClick={() => {
          zoomBy(1 / ZOOM_STEP);
        }}
        aria-label={t('map.zoomOut')}
        title={t('map.zoomOut')}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M3 8h10" />
        </svg>
      </button>
      <button type="button" onClick={fit} aria-label={t('map.fit')} title={t('map.fit')}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10" />
        </svg>
      </button>
    </div>
  );
}
