/**
 * Prompt help benchmarks (vision chat, streamed), each against a baseline in the same run:
 * 1. time to first token through Infill against a bare fetch of the same body (goal: p50 ≤ +15 ms);
 * 2. a token leaving the gateway → its text in the prompt box in Chromium (goal: ≤ 16 ms, one frame).
 * Prints a markdown section on stdout (progress on stderr).
 */
import { loadavg } from 'node:os';
import { startTestGateway, TEST_API_KEY } from '../../tests/gateway/test-gateway.ts';
import { median, ms, percentile } from '../app/stats.ts';
import { measureFirstToken } from './first-token.ts';
import { measureTokenToBox } from './token-to-box.ts';

const FIRST_TOKEN_RUNS = 30;
const BOX_RUNS = 5;
const log = (message: string): void => console.error(`[vision] ${message}`);
const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');
const signed = (value: number): string => `${value < 0 ? '−' : '+'}${Math.abs(value).toFixed(1)} ms`;

const lines: string[] = ['## Prompt help (vision chat, streamed)', ''];
const loadAtStart = loadavg()[0]!.toFixed(1);
const gateway = await startTestGateway({ apiKey: TEST_API_KEY, tokenPaceMs: 1 });
try {
  lines.push(
    `Time to first token: Infill's call (openai / @anthropic-ai/sdk streaming, connect probe, rate limiter, retry policy) against a bare \`fetch\` of the identical body to the local test gateway, read until its first text event; ${FIRST_TOKEN_RUNS} alternating runs each, 1024×768 JPEG.`,
    '',
    '| protocol | Infill p50 | fetch p50 | difference (p50) | Infill p95 | goal ≤ +15 ms |',
    '|---|---|---|---|---|---|',
  );
  for (const protocol of ['openai-chat', 'anthropic'] as const) {
    log(`first token, ${protocol}…`);
    const result = await measureFirstToken(gateway, protocol, FIRST_TOKEN_RUNS);
    const diff = median(result.infill) - median(result.raw);
    lines.push(`| ${protocol} | ${ms(median(result.infill))} | ${ms(median(result.raw))} | ${signed(diff)} | ${ms(percentile(result.infill, 95))} | ${verdict(diff <= 15)} |`);
  }
  log('token → prompt box in Chromium…');
  gateway.options.tokenPaceMs = 25;
  const box = await measureTokenToBox(gateway, BOX_RUNS);
  lines.push(
    '',
    `Token → prompt box: from the gateway writing a piece of text to the prompt box holding it, in Chromium through the browser bridge (${box.length} pieces over ${BOX_RUNS} Translate runs, 25 ms apart). The page polls the box on every macrotask, clock shared with the gateway (epoch ms).`,
    '',
    '| p50 | p95 | max | goal: within one 16 ms frame (p50) |',
    '|---|---|---|---|',
    `| ${ms(median(box))} | ${ms(percentile(box, 95))} | ${ms(Math.max(...box))} | ${verdict(median(box) <= 16)} |`,
  );
} finally {
  await gateway.close();
}
lines.push('', `Load average ${loadAtStart} at the start (2 cores shared with other work).`);
console.log(lines.join('\n'));
