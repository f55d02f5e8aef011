import type { LinkKind } from '@octograph/graph-schema';
import {
  LINK_KIND_COLOURS,
  LINK_KIND_LINE_STYLES,
  type NodeShape as Shape,
  type Swatch,
} from '../../map/palette';
import { NODE_SHAPE_PATHS } from '../export/swatches';

/** A node's colour and shape as a small picture, drawn like the map draws it. */
export function NodeSwatch({
  swatch,
  shape,
  hub = false,
}: {
  swatch: Swatch;
  shape: Shape;
  hub?: boolean;
}) {
  return (
    <svg className="swatch" viewBox="0 0 18 18" aria-hidden="true">
      {hub && (
        <circle
          cx="9"
          cy="9"
          r="8.2"
          fill="none"
          stroke={swatch.fill}
          strokeOpacity="0.5"
          strokeWidth="1.6"
        />
      )}
      {shape === 'ellipse' ? (
        <circle
          cx="9"
          cy="9"
          r={hub ? 5.6 : 6}
          fill={swatch.fill}
          stroke={swatch.border}
          strokeWidth={hub ? 1.8 : 1.2}
        />
      ) : (
        <path
          d={NODE_SHAPE_PATHS[shape]}
          fill={swatch.fill}
          stroke={swatch.border}
          strokeWidth="1.2"
        />
      )}
    </svg>
  );
}

const DASHES = { solid: undefined, dashed: '4 2.5', dotted: '0.5 2.5' } as const;

/** A link kind's line as a small picture. */
export function LinkSwatch({ kind }: { kind: LinkKind }) {
  return (
    <svg className="swatch swatch--line" viewBox="0 0 24 12" aria-hidden="true">
      <path
        d="M2 9 Q12 1 22 9"
        fill="none"
        stroke={LINK_KIND_COLOURS[kind]}
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeDasharray={DASHES[LINK_KIND_LINE_STYLES[kind]]}
      />
    </svg>
  );
}
