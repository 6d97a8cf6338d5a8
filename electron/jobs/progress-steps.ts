import type { ProgressStep } from '../../shared/contract/progress-note.ts';
import { moneyText, type Money } from '../../shared/gateway/money.ts';
import { formatBytes } from '../gateways/errors.ts';

/**
 * Every progress step a job reports, each as its English sentence (logs, the CLI) and the
 * catalogue key with params the renderer words in the person's language. One place, so the two
 * cannot drift apart.
 */

const retryKeys = {
  rateLimited: 'panels:progress.retryRateLimited',
  status: 'panels:progress.retryStatus',
  timedOut: 'panels:progress.retryTimedOut',
  connectionLost: 'panels:progress.retryConnectionLost',
} as const;

/** Why a request is retried, in English for logs: "Rate limited", "Gateway error 502". */
export function retryReason(cause: { status?: number; kind: 'rateLimited' | 'status' | 'timedOut' | 'connectionLost' }): string {
  return cause.kind === 'rateLimited' ? 'Rate limited' : cause.kind === 'status' ? `Gateway error ${cause.status}` : cause.kind === 'timedOut' ? 'Gateway timed out' : 'Connection lost';
}

export const progressSteps = {
  fillSmooth: (): ProgressStep => ({ message: 'smooth fill…', note: { key: 'panels:progress.fillSmooth' } }),
  fillContentAware: (): ProgressStep => ({ message: 'content-aware fill…', note: { key: 'panels:progress.fillContentAware' } }),
  preparing: (gateway: string): ProgressStep => ({ message: `Preparing the crop for ${gateway}`, note: { key: 'panels:progress.preparing', params: { gateway } } }),
  uploading: (gateway: string, bytes: number, width: number, height: number, format: string): ProgressStep => ({
    message: `Uploading ${formatBytes(bytes)} (${width}×${height} ${format.toUpperCase()}) to ${gateway}`,
    note: { key: 'panels:progress.uploading', params: { gateway, bytes, width, height, format: format.toUpperCase() } },
  }),
  requesting: (gateway: string, width: number, height: number): ProgressStep => ({
    message: `Requesting ${width}×${height} to ${gateway}`,
    note: { key: 'panels:progress.requesting', params: { gateway, width, height } },
  }),
  waitingForModel: (model: string): ProgressStep => ({ message: `Waiting for ${model}…`, note: { key: 'panels:progress.waitingForModel', params: { model } } }),
  partialPreview: (index: number, total: number): ProgressStep => ({
    message: `Partial preview ${index} of ${total}`,
    note: { key: 'panels:progress.partialPreview', params: { index, total } },
  }),
  shrunk: (gateway: string, refusedBytes: number, bytes: number): ProgressStep => ({
    message: `${gateway} refused ${formatBytes(refusedBytes)} (413) — retrying with ${formatBytes(bytes)}`,
    note: { key: 'panels:progress.shrunk', params: { gateway, refusedBytes, bytes } },
  }),
  rateLimitWait: (seconds: number): ProgressStep => ({
    message: `Waiting for the per-minute limit — ${seconds} s`,
    note: { key: 'panels:progress.rateLimitWait', params: { seconds } },
  }),
  /** The countdown before a retry: 429, a 5xx, a timeout or a dropped connection. */
  retryWait: (cause: { status?: number; kind: 'rateLimited' | 'status' | 'timedOut' | 'connectionLost' }, seconds: number, attempt: number, attempts: number): ProgressStep => {
    return {
      message: `${retryReason(cause)} — retrying in ${seconds} s (attempt ${attempt} of ${attempts})`,
      note: { key: retryKeys[cause.kind], params: { status: cause.status ?? 0, seconds, attempt, attempts } },
    };
  },
  blending: (): ProgressStep => ({ message: 'Blending the result into the photo', note: { key: 'panels:progress.blending' } }),
  done: (cost: Money | undefined): ProgressStep =>
    cost
      ? { message: `Done — about ${moneyText(cost)}`, note: { key: 'panels:progress.doneWithCost', params: { amount: cost.amount, currency: cost.currency } } }
      : { message: 'Done', note: { key: 'panels:progress.done' } },
};
