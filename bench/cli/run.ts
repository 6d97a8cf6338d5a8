/**
 * CLI start-up benchmark: `infill --help` (and the other answers that need no work) against a
 * bare `node -e 0` measured in the same run, interleaved so load on the machine hits both
 * alike. Goal: `infill --help` within 3× of bare Node. Runs the built CLI (bin/infill.mjs →
 * out/main/cli.js), as a person's shell does. Prints a markdown section on stdout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, ms, percentile } from '../app/stats.ts';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/infill.mjs');
const RUNS = 21;
const GOAL_RATIO = 3;

if (!existsSync(join(root, 'out/main/cli.js'))) {
  console.error('[cli] out/main/cli.js is missing: run `npm run build` first.');
  process.exit(1);
}

interface Case {
  label: string;
  args: string[];
  /** The exit code the case must end with (a failed start would be fast and meaningless). */
  exit: number;
}

const baseline: Case = { label: 'bare `node -e 0` (baseline, same run)', args: ['-e', '0'], exit: 0 };
const cases: Case[] = [
  { label: '`infill --help`', args: [bin, '--help'], exit: 0 },
  { label: '`infill --version`', args: [bin, '--version'], exit: 0 },
  { label: '`infill inpaint --help`', args: [bin, 'inpaint', '--help'], exit: 0 },
  { label: '`infill inpaint photo.jpg` (no --mask: exit 2 before any work)', args: [bin, 'inpaint', 'photo.jpg'], exit: 2 },
];

function timeOnce(c: Case): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, c.args, { cwd: root, stdio: ['ignore', 'ignore', 'ignore'] });
  const elapsed = performance.now() - started;
  if (run.status !== c.exit) throw new Error(`${c.label} exited ${run.status}, expected ${c.exit}`);
  return elapsed;
}

const samples = new Map<Case, number[]>([baseline, ...cases].map((c) => [c, []]));
const loadAtStart = loadavg()[0]!.toFixed(1);
for (let i = 0; i < RUNS; i++) {
  for (const c of [baseline, ...cases]) samples.get(c)!.push(timeOnce(c));
}
const base = median(samples.get(baseline)!);
const rows = [baseline, ...cases].map((c) => {
  const s = samples.get(c)!;
  const ratio = median(s) / base;
  const goal = c === cases[0] ? `≤ ${GOAL_RATIO}×: ${ratio <= GOAL_RATIO ? 'met' : 'MISSED'}` : '';
  return `| ${c.label} | ${ms(median(s))} | ${ms(percentile(s, 90))} | ${ratio.toFixed(2)}× | ${goal} |`;
});

console.log(
  [
    '## CLI start-up',
    '',
    `Wall time from spawn to exit, ${RUNS} runs each, interleaved with the baseline; 1-minute load average ${loadAtStart} at the start. The commands are loaded on demand, so answers that need no work never load sharp, the gateway SDKs or the engines.`,
    '',
    '| command | median | p90 | ratio to bare Node | goal |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n'),
);
