import { z } from 'zod';

/**
 * An amount in the currency it was billed in. Relays bill in USD, CNY, VND, EUR…; amounts in
 * different currencies are never added together, so totals are kept per currency.
 */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as USD, EUR, CNY or VND');
export type Currency = z.infer<typeof currencySchema>;

export const moneySchema = z.object({ amount: z.number().min(0), currency: currencySchema });
export type Money = z.infer<typeof moneySchema>;

/** The currencies the price editor offers first; any ISO code can be typed. */
export const commonCurrencies: readonly Currency[] = ['USD', 'EUR', 'CNY', 'VND', 'JPY', 'GBP', 'KRW', 'HKD', 'TWD', 'RUB'];

/** Adds `amount` to the total of its own currency; totals stay sorted by currency code. */
export function addToTotals(totals: readonly Money[], money: Money): Money[] {
  const found = totals.some((total) => total.currency === money.currency);
  const next = found
    ? totals.map((total) => (total.currency === money.currency ? { currency: total.currency, amount: total.amount + money.amount } : total))
    : [...totals, { ...money }];
  return next.sort((a, b) => a.currency.localeCompare(b.currency));
}

/** The sum of several amounts, one total per currency. */
export function totalsOf(amounts: ReadonlyArray<Money | undefined>): Money[] {
  let totals: Money[] = [];
  for (const money of amounts) if (money) totals = addToTotals(totals, money);
  return totals;
}

/** "0.042 USD" for logs and the CLI, where no locale applies. */
export function moneyText(money: Money): string {
  const { amount, currency } = money;
  // A vision answer costs fractions of a cent: two significant digits keep it from reading as 0.
  if (amount > 0 && amount < 0.01) return `${amount.toPrecision(2)} ${currency}`;
  return `${amount.toFixed(amount > 0 && amount < 1 ? 3 : 2)} ${currency}`;
}
