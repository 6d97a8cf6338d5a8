import { describe, expect, it } from 'vitest';
import { formatDateTime, formatFileSize, formatMegapixels, formatMoney, formatNumber, formatPercent, formatShortDay, languageName } from './format.ts';

// Intl puts a narrow no-break space in some of these; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('number formatting per locale', () => {
  it('groups thousands and writes decimals as each language does', () => {
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
    expect(formatNumber(1234567.5, 'de')).toBe('1.234.567,5');
    expect(formatNumber(1234567.5, 'vi')).toBe('1.234.567,5');
  });

  it('writes percentages', () => {
    expect(formatPercent(0.5, 'en')).toBe('50%');
    expect(plain(formatPercent(0.5, 'de'))).toBe('50 %');
    expect(formatPercent(1.25, 'vi')).toBe('125%');
  });

  it('writes file sizes and megapixels', () => {
    expect(formatFileSize(512, 'en')).toBe('512 byte');
    expect(formatFileSize(1_500_000, 'en')).toBe('1.5 MB');
    expect(formatFileSize(1_500_000, 'de')).toBe('1,5 MB');
    expect(formatMegapixels(24_000_000, 'de')).toBe('24 MP');
    expect(formatMegapixels(2_359_296, 'de')).toBe('2,4 MP');
  });
});

describe('money', () => {
  it('keeps three decimals for small prices in currencies with cents', () => {
    expect(formatMoney(0.042, 'USD', 'en')).toBe('$0.042');
    expect(formatMoney(12.5, 'USD', 'en')).toBe('$12.50');
    expect(plain(formatMoney(0.042, 'EUR', 'de'))).toBe('0,042 €');
    expect(plain(formatMoney(3.2, 'CNY', 'de'))).toBe('3,20 CN¥');
  });

  it('keeps two significant digits under a cent, so a prompt-help call is neither rounded up nor hidden', () => {
    expect(formatMoney(0.000522, 'USD', 'en')).toBe('$0.00052');
    expect(plain(formatMoney(0.000522, 'EUR', 'de'))).toBe('0,00052 €');
    expect(formatMoney(0, 'USD', 'en')).toBe('$0.00');
  });

  it('writes dong and yen without minor units', () => {
    expect(plain(formatMoney(1050, 'VND', 'vi'))).toBe('1.050 ₫');
    expect(formatMoney(0.3, 'JPY', 'en')).toBe('¥0');
    expect(plain(formatMoney(25000, 'VND', 'en'))).toBe('₫25,000');
  });
});

describe('dates', () => {
  it('writes a day the local way', () => {
    expect(formatShortDay('2026-12-05', 'en')).toBe('12/5');
    expect(formatShortDay('2026-12-05', 'de')).toBe('5.12.');
    expect(formatShortDay('2026-12-05', 'vi')).toBe('5/12');
    expect(formatDateTime('2026-12-05T09:30:00', 'de')).toContain('05.12.2026');
  });

  it('names languages in themselves', () => {
    expect(languageName('vi')).toBe('Tiếng Việt');
    expect(languageName('de')).toBe('Deutsch');
    expect(languageName('en')).toBe('English');
  });
});
