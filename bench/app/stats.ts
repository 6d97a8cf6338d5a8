export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
