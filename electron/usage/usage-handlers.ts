import { defaultPriceTable } from '../../shared/gateway/prices.ts';
import type { Handlers } from '../ipc/dispatch.ts';
import type { PriceStore } from './price-store.ts';
import type { UsageLog } from './usage-log.ts';

type UsageHandlers = Pick<Handlers, 'getPrices' | 'savePrices' | 'getUsage'>;

export function createUsageHandlers(deps: { prices: PriceStore; usage: UsageLog }): UsageHandlers {
  return {
    getPrices: async () => ({ prices: deps.prices.table(), defaults: defaultPriceTable }),
    savePrices: async ({ prices }) => ({ prices: await deps.prices.save(prices) }),
    getUsage: async () => deps.usage.summary(),
  };
}
