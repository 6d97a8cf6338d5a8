/** A channel value rounded and clamped to 0…255, as the fills write their results. */
export function clampByte(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
}
