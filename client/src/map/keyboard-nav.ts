/**
 * Moving the selection with the arrow keys, as a pure choice: which linked node lies the way an
 * arrow points (KeyboardNavController asks it with the nodes' positions on screen).
 */

/** A neighbour more than this far off the arrow's direction (in radians) is not chosen. */
const MAX_ANGLE = (Math.PI * 2) / 5;

/**
 * The neighbour of `from` that lies most nearly in direction `arrow` (angle first, then
 * distance), or null when none lies within MAX_ANGLE of it.
 */
export function neighbourToward(
  from: { x: number; y: number },
  neighbours: readonly { id: string; x: number; y: number }[],
  arrow: { x: number; y: number },
): string | null {
  let best: { id: string; angle: number; distance: number } | null = null;
  for (const neighbour of neighbours) {
    const dx = neighbour.x - from.x;
    const dy = neighbour.y - from.y;
    const distance = Math.hypot(dx, dy);
    if (distance === 0) continue;
    const angle = Math.acos((dx * arrow.x + dy * arrow.y) / distance);
    if (angle > MAX_ANGLE) continue;
    if (
      !best ||
      angle < best.angle - 0.05 ||
      (angle <= best.angle + 0.05 && distance < best.distance)
    ) {
      best = { id: neighbour.id, angle, distance };
    }
  }
  return best?.id ?? null;
}
