/**
 * `npm run bench`: runs every benchmark section in turn (each as its own process, so one's
 * memory and threads do not skew the next), prints them, and writes BENCHMARKS.md.
 * Each section compares against a baseline it measures in the same run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const sections = [
  { name: 'canvas', script: 'bench/app/run.ts' },
  { name: 'offline fill', script: 'bench/fill/run.ts' },
  { name: 'gateway', script: 'bench/gateway/run.ts' },
  { name: 'cli', script: 'bench/cli/run.ts' },
  { name: 'autosave', script: 'bench/autosave/run.ts' },
];
const only = process.argv.slice(2);

const outputs: string[] = [];
for (const section of sections) {
  if (only.length > 0 && !only.includes(section.name.split(' ').at(-1)!)) continue;
  if (!existsSync(join(root, section.script))) continue;
  console.error(`\n▶ ${section.name} (${section.script})`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', section.script], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) {
    outputs.push(`## ${section.name}\n\nThe benchmark failed (exit ${run.status}); see its output.`);
    continue;
  }
  console.log(run.stdout);
  // Each section is a chapter of BENCHMARKS.md: a section that opens with its own title gets it one level down.
  const text = run.stdout.trim();
  outputs.push(text.startsWith('# ') ? text.replace(/^#/gm, '##') : text);
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${process.platform}`;
const header = [
  '# Benchmarks',
  '',
  `Latest \`npm run bench\`: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}.`,
  'Figures come from one run on a noisy shared machine; each is set against a baseline measured in the same run.',
  '',
].join('\n');
if (only.length === 0) await writeFile(join(root, 'BENCHMARKS.md'), `${header}\n${outputs.join('\n\n')}\n`);
