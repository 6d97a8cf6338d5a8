/**
 * The upwind update of the fast marching method (Sethian): the arrival time T at a pixel
 * from two accepted neighbours, one along x and one along y, for |∇T| = 1 on a unit grid.
 * Pass Infinity for a neighbour that is not accepted yet.
 */
export function solveEikonal(tx: number, ty: number): number {
  const lo = tx < ty ? tx : ty;
  if (lo === Infinity) return Infinity;
  const diff = tx - ty;
  // Both neighbours usable and close enough for the quadratic to have a real root ≥ both.
  if (diff > -1 && diff < 1) return (tx + ty + Math.sqrt(2 - diff * diff)) / 2;
  return lo + 1;
}
