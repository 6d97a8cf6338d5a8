import { defaultPriceSheet } from '../../shared/gateway/prices.ts';
import type { Handlers } from '../ipc/dispatch.ts';
import type { PriceStore } from './price-store.ts';
import type { UsageLog } from './usage-log.ts';

type UsageHandlers = Pick<Handlers, 'getPrices' | 'savePrices' | 'getUsage'>;

export function createUsageHandlers(deps: { prices: PriceStore; usage: UsageLog }): UsageHandlers {
  return {
    getPrices: async ({ profileId }) => ({
      sheet: deps.prices.sheetFor(profileId),
      defaults: defaultPriceSheet,
      own: profileId === undefined || deps.prices.hasOwnSheet(profileId),
    }),
    savePrices: async ({ profileId, sheet }) => ({ sheet: await deps.prices.save(profileId, sheet) }),
    getUsage: async () => deps.usage.summary(),
  };
}
