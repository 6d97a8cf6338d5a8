import { i18n } from './i18n.ts';

/**
 * Numbers, sizes, money and dates in the chosen language, always through Intl: "1.234,5" in
 * German, "1.234,5" in Vietnamese, "1,234.5" in English; never hand-built with toFixed.
 */
function locale(): string {
  return i18n.language || 'en';
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale(), options).format(value);
}

/** 1536 → "1.5 KB": decimal units, as file managers on every platform now show them. */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return formatNumber(value, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 });
}

export function formatMegapixels(width: number, height: number): string {
  return `${formatNumber((width * height) / 1e6, { maximumFractionDigits: 1 })} MP`;
}

/** Money in the currency it was billed in; sub-cent prices keep enough digits to mean something. */
export function formatMoney(amount: number, currency = 'USD'): string {
  const small = amount !== 0 && Math.abs(amount) < 1;
  return formatNumber(amount, { style: 'currency', currency, ...(small ? { maximumSignificantDigits: 3 } : {}) });
}

export function formatDateTime(date: Date | string | number): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(date));
}
