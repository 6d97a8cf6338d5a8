/**
 * A round brush tip drawn once per (size, hardness) and stamped with drawImage along a stroke:
 * far cheaper per pointermove than building a gradient for every dab.
 */
const cache = new Map<string, HTMLCanvasElement>();

export function brushTip(size: number, hardness: number, color: string): HTMLCanvasElement {
  const key = `${size}:${hardness.toFixed(2)}:${color}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const side = Math.max(1, Math.ceil(size));
  const tip = document.createElement('canvas');
  tip.width = side;
  tip.height = side;
  const ctx = tip.getContext('2d')!;
  const radius = size / 2;
  const gradient = ctx.createRadialGradient(side / 2, side / 2, radius * Math.min(hardness, 0.99), side / 2, side / 2, radius);
  gradient.addColorStop(0, color);
  gradient.addColorStop(1, transparentOf(color));
  ctx.fillStyle = gradient;
  ctx.beginPath();
  ctx.arc(side / 2, side / 2, radius, 0, Math.PI * 2);
  ctx.fill();
  if (cache.size > 64) cache.clear();
  cache.set(key, tip);
  return tip;
}

function transparentOf(color: string): string {
  const match = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(color);
  return match ? `rgba(${match[1]}, ${match[2]}, ${match[3]}, 0)` : 'rgba(0, 0, 0, 0)';
}

/** Distance between dabs: close enough that a stroke reads as continuous, few enough to stay fast. */
export function dabSpacing(size: number): number {
  return Math.max(1, size * 0.12);
}
