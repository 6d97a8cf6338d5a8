import { i18n } from './i18n.ts';

/**
 * Numbers, sizes, money and dates in the chosen language, always through Intl: "1.234,5" in
 * German and Vietnamese, "1,234.5" in English; never hand-built with toFixed. Each helper takes
 * the locale last so tests can pin it; by default it is the language the interface shows.
 */

const cache = new Map<string, Intl.NumberFormat>();

/** The language the interface is in ("vi", "de", "en"); Intl picks that language's conventions. */
export function currentLocale(): string {
  return i18n.language || 'en';
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, locale = currentLocale(), options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, options).format(value);
}

/** 0.5 → "50%" (en), "50 %" (de). */
export function formatPercent(fraction: number, locale = currentLocale()): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

const byteUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** 1 500 000 → "1.5 MB" (en), "1,5 MB" (de): decimal units, as file managers on every platform now show them. */
export function formatFileSize(bytes: number, locale = currentLocale()): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < byteUnits.length - 1) {
    value /= 1000;
    unit++;
  }
  return numberFormat(locale, { style: 'unit', unit: byteUnits[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

/** 24 000 000 pixels → "24 MP" (en), "24 MP" (de), one decimal under ten. */
export function formatMegapixels(pixels: number, locale = currentLocale()): string {
  const mp = pixels / 1_000_000;
  return `${numberFormat(locale, { maximumFractionDigits: mp < 10 ? 1 : 0 }).format(mp)} MP`;
}

/**
 * Money in the currency it was billed in: "$0.042", "0,04 €", "¥0.30", "1.050 ₫". Small image
 * prices keep three decimals where the currency has cents, so a $0.042 image does not read as
 * $0.04; amounts under a cent keep two significant digits; currencies without minor units (VND,
 * JPY) keep none.
 */
export function formatMoney(amount: number, currency: string, locale = currentLocale()): string {
  const standard = numberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  // A prompt-help call costs a fraction of a cent: two significant digits ("$0.00052"), not a
  // rounded "$0.001" that doubles it or a "$0.000" that hides it.
  if (standard > 0 && amount !== 0 && Math.abs(amount) < 0.01) {
    return numberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumSignificantDigits: 2 }).format(amount);
  }
  const digits = standard > 0 && Math.abs(amount) < 1 ? 3 : standard;
  return numberFormat(locale, { style: 'currency', currency, minimumFractionDigits: standard === 0 ? 0 : Math.min(2, digits), maximumFractionDigits: digits }).format(amount);
}

/** Totals in several currencies side by side ("$0.08 + ¥1.20"), never added together. */
export function formatMoneyList(totals: ReadonlyArray<{ amount: number; currency: string }>, locale = currentLocale()): string {
  return totals.map((total) => formatMoney(total.amount, total.currency, locale)).join(' + ');
}

/** An ISO time as date and time in the person's conventions. */
export function formatDateTime(iso: string | number | Date, locale = currentLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A local calendar day ("2026-12-05") as a short day and month for chart axes: "12/5", "5.12.", "5/12". */
export function formatShortDay(day: string, locale = currentLocale()): string {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric' }).format(new Date(year, month - 1, date));
}

/** A local calendar day in full for tooltips ("Dec 5, 2026", "05.12.2026"). */
export function formatDay(day: string, locale = currentLocale()): string {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(year, month - 1, date));
}

/** The name of a language in that language ("Tiếng Việt", "Deutsch"), for the language menu. */
export function languageName(code: string, inLocale = code): string {
  try {
    const name = new Intl.DisplayNames([inLocale], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(inLocale) + name.slice(1);
  } catch {
    return code;
  }
}

/** "CNY — Chinese Yuan" (en), "CNY — Nhân dân tệ Trung Quốc" (vi), for the currency menu. */
export function currencyName(code: string, locale = currentLocale()): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'currency' }).of(code);
    return name && name !== code ? `${code} — ${name}` : code;
  } catch {
    return code;
  }
}
