/**
 * Offline fill benchmark (issue 4): quality on real photos with synthetic holes against
 * OpenCV's Telea and NS, and speed at 1 MP and 24 MP. Prints markdown, writes
 * bench/fill/results.md and bench/fill/grid.png.
 *
 *   node --import tsx bench/fill/run.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { estimateFillSeconds } from '../../electron/engine/choose-method.ts';
import { showHole, writeGrid } from './grid.ts';
import { findOpenCvPython } from './opencv.ts';
import { findPhotos } from './photos.ts';
import { EXTEND, HOLES, METHODS, runQuality, type QualityCase } from './quality.ts';
import { mean, table, verdict } from './report.ts';
import { runSpeed } from './speed.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const workDir = join(tmpdir(), 'infill-bench-fill');
mkdirSync(workDir, { recursive: true });
const log = (line: string): void => void process.stderr.write(`${line}\n`);
const started = performance.now();
const loadAtStart = loadavg()[0]!;

const python = findOpenCvPython();
const photos = findPhotos(workDir);
log(`bench: ${photos.length} photos, OpenCV via ${python}, work dir ${workDir}`);

log('quality…');
const allCases = await runQuality(photos, workDir, python, log);
// The 18 cases (goals and means); the drag-to-extend strip is reported on its own.
const cases = allCases.filter((c) => c.hole !== EXTEND);
const extendCases = allCases.filter((c) => c.hole === EXTEND);
log('speed…');
const speed = await runSpeed(photos.find((p) => p.name === 'coffee.png')!.file, workDir, python, log);

const out: string[] = [];
out.push('# Offline fill benchmark');
out.push('');
out.push(
  `Run ${new Date().toISOString()} on ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; ` +
    `1-minute load average ${loadAtStart.toFixed(1)} at the start and ${loadavg()[0]!.toFixed(1)} at the end ` +
    '(other work on the machine slows every timing below, ours and OpenCV\'s alike). ' +
    'Photos: scikit-image sample data (Debian python3-skimage), scaled to fit 512 px. Holes: "blob" = a smooth random ' +
    'blob covering 5 % / 15 % of the image; "band 40 px" = the rightmost 40 columns (outpainting); ' +
    `"${EXTEND}" = the rightmost 136 columns, as the app's extend tool masks a 120 px strip (coffee only, outside the goal means). OpenCV 4 \`cv2.inpaint\` ` +
    'radius 5, same image and mask, same run.',
);
out.push('');
out.push(
  'Metrics, all on the hole only: **PSNR** (dB, RGB); **SSIM** = the SSIM map (11×11 Gaussian window, σ 1.5, luma) ' +
    'averaged over hole pixels, so windows straddle the seam; **texture** = mean luma gradient magnitude in the hole ÷ ' +
    'in a 10 px ring of known pixels around it (1 = as busy as the surroundings; "orig" = the photo\'s own ratio).',
);
out.push('');

out.push('## Quality per photo and hole');
out.push('');
out.push(
  table(
    ['photo', 'hole', ...METHODS.map((m) => `${m} PSNR / SSIM / texture`), 'orig texture'],
    cases.map((c) => [
      c.photo,
      c.hole,
      ...METHODS.map((m) => `${c.scores[m].psnr.toFixed(2)} / ${c.scores[m].ssim.toFixed(3)} / ${c.scores[m].texture.toFixed(2)}`),
      c.originalTexture.toFixed(2),
    ]),
  ),
);
out.push('');

const meanOf = (subset: QualityCase[], m: (typeof METHODS)[number], key: 'psnr' | 'ssim' | 'texture' | 'seconds'): number =>
  mean(subset.map((c) => c.scores[m][key]));
out.push('## Quality means');
out.push('');
const groups: Array<[string, QualityCase[]]> = [...HOLES.map((h): [string, QualityCase[]] => [h, cases.filter((c) => c.hole === h)]), ['all', cases]];
out.push(
  table(
    ['hole', 'method', 'PSNR', 'SSIM', 'texture', 'seconds (512 px photo)'],
    groups.flatMap(([name, subset]) =>
      METHODS.map((m) => [name, m, meanOf(subset, m, 'psnr'), meanOf(subset, m, 'ssim'), meanOf(subset, m, 'texture'), meanOf(subset, m, 'seconds')]),
    ),
  ),
);
out.push('');

out.push('## Outpaint strip (the app\'s drag-to-extend)');
out.push('');
out.push(
  table(
    ['photo', 'hole', ...METHODS.map((m) => `${m} PSNR / SSIM / texture`), 'orig texture'],
    extendCases.map((c) => [
      c.photo,
      c.hole,
      ...METHODS.map((m) => `${c.scores[m].psnr.toFixed(2)} / ${c.scores[m].ssim.toFixed(3)} / ${c.scores[m].texture.toFixed(2)}`),
      c.originalTexture.toFixed(2),
    ]),
  ),
);
out.push('');

const caTexture = meanOf(cases, 'ours content-aware', 'texture');
const caSsim = meanOf(cases, 'ours content-aware', 'ssim');
const teleaSsim = meanOf(cases, 'OpenCV Telea', 'ssim');
const smoothPsnr = meanOf(cases, 'ours smooth', 'psnr');
const teleaPsnr = meanOf(cases, 'OpenCV Telea', 'psnr');
const inRange = cases.filter((c) => c.scores['ours content-aware'].texture >= 0.8 && c.scores['ours content-aware'].texture <= 1.2).length;
const speedRatio = speed.smoothSeconds / speed.teleaSeconds;
const goals: Array<[string, string, boolean]> = [
  ['content-aware texture ratio in [0.8, 1.2] (mean of all cases)', `${caTexture.toFixed(3)} (${inRange}/${cases.length} cases in range)`, caTexture >= 0.8 && caTexture <= 1.2],
  ['content-aware SSIM ≥ Telea SSIM − 0.05 (means)', `${caSsim.toFixed(3)} vs ${teleaSsim.toFixed(3)} (Δ ${(caSsim - teleaSsim).toFixed(3)})`, caSsim >= teleaSsim - 0.05],
  ['smooth PSNR ≥ Telea PSNR − 0.5 dB (means)', `${smoothPsnr.toFixed(2)} vs ${teleaPsnr.toFixed(2)} dB (Δ ${(smoothPsnr - teleaPsnr).toFixed(2)})`, smoothPsnr >= teleaPsnr - 0.5],
  ['smooth time ≤ 3× OpenCV Telea at 1 MP, 5 % hole', `${(speed.smoothSeconds * 1000).toFixed(0)} ms vs ${(speed.teleaSeconds * 1000).toFixed(0)} ms (${speedRatio.toFixed(2)}×)`, speedRatio <= 3],
  ['content-aware ≤ 2 s at 1 MP, 5 % hole, 2 cores (worker runner)', `${speed.contentAwareWorkerSeconds.toFixed(2)} s`, speed.contentAwareWorkerSeconds <= 2],
  ['content-aware ≤ 3 s, 2 % hole in 24 MP, context window only', `${speed.big.totalSeconds.toFixed(2)} s`, speed.big.totalSeconds <= 3],
];
out.push('## Goals');
out.push('');
out.push(table(['goal', 'measured', 'result'], goals.map(([g, m, ok]) => [g, m, verdict(ok)])));
out.push('');

out.push('## Speed');
out.push('');
const big = speed.big;
out.push(
  table(
    ['case', 'seconds'],
    [
      [`ours smooth, 1 MP (${speed.oneMegapixel.width}×${speed.oneMegapixel.height}), ${speed.oneMegapixel.holePixels} px hole, median of 5`, speed.smoothSeconds],
      ['OpenCV Telea, same, median of 5', speed.teleaSeconds],
      ['OpenCV NS, same, median of 5', speed.nsSeconds],
      ['ours content-aware, same, worker runner (median of 3 after a warm-up)', speed.contentAwareWorkerSeconds],
      ['… CPU seconds, all threads, for one such fill (CPU ÷ wall near 2 would mean both cores busy throughout)', speed.contentAwareWorkerCpuSeconds],
      ['ours content-aware, same, in-process, one core, first run', speed.contentAwareInProcessSeconds],
      [`24 MP (${big.width}×${big.height}), ${big.holePixels} px hole: window ${big.window.width}×${big.window.height} — crop`, big.cropSeconds],
      ['… fill (content-aware, worker runner)', big.fillSeconds],
      ['… fill CPU seconds, all threads', big.fillCpuSeconds],
      ['… paste back into a copy of the 24 MP image', big.pasteSeconds],
      ['… total (faster of 2 runs)', big.totalSeconds],
    ],
  ),
);
out.push('');

out.push('## Time estimate check (`estimateFillSeconds`)');
out.push('');
const estimateRows: Array<Array<string | number>> = [
  ['content-aware 1 MP', speed.oneMegapixel.holePixels, speed.oneMegapixel.width * speed.oneMegapixel.height, speed.contentAwareWorkerSeconds, estimateFillSeconds('content-aware', speed.oneMegapixel.holePixels, speed.oneMegapixel.width * speed.oneMegapixel.height)],
  ['content-aware 24 MP window', big.holePixels, big.window.width * big.window.height, big.fillSeconds, estimateFillSeconds('content-aware', big.holePixels, big.window.width * big.window.height)],
  ['smooth 1 MP', speed.oneMegapixel.holePixels, speed.oneMegapixel.width * speed.oneMegapixel.height, speed.smoothSeconds, estimateFillSeconds('smooth', speed.oneMegapixel.holePixels, speed.oneMegapixel.width * speed.oneMegapixel.height)],
  ...allCases.map((c) => {
    const hole = c.mask.reduce((n, v) => n + (v ? 1 : 0), 0);
    const ctx = c.image.width * c.image.height;
    return [`content-aware ${c.photo} ${c.hole}`, hole, ctx, c.scores['ours content-aware'].seconds, estimateFillSeconds('content-aware', hole, ctx)];
  }),
];
out.push('Estimates model one-core CPU time (an upper bound for the worker, which adds a second core); measured = wall time of this run.');
out.push('');
out.push(table(['case', 'hole px', 'context px', 'measured s', 'estimated s'], estimateRows));
out.push('');
out.push('## Notes from tuning');
out.push('');
// Measured by hand while tuning, not by this script; kept beside it so BENCHMARKS.md carries them.
out.push(readFileSync(join(here, 'tuning-notes.md'), 'utf8').trimEnd());
out.push('');
out.push(`Total bench time ${((performance.now() - started) / 1000).toFixed(0)} s.`);

const markdown = out.join('\n') + '\n';
process.stdout.write(markdown);
writeFileSync(join(here, 'results.md'), markdown);

// One row per photo; the hole type rotates so every kind appears.
const columns = ['input', 'hole', 'ours smooth', 'ours content-aware', 'OpenCV Telea', 'OpenCV NS'];
// Then the chelsea band (its blurred background) and the drag-to-extend strip.
const gridCases = [
  ...photos.map((photo, k) => cases.find((x) => x.photo === photo.name && x.hole === HOLES[k % HOLES.length])!),
  ...cases.filter((c) => c.photo === 'chelsea.png' && c.hole === 'band 40 px'),
  ...extendCases,
];
const rows = gridCases.map((c) => {
  const { width, height, rgba } = c.image;
  return [rgba, showHole(rgba, c.mask), ...METHODS.map((m) => c.outputs[m])].map((px) => ({ rgba: px, width, height }));
});
await writeGrid(join(here, 'grid.png'), columns, rows);
log(`bench: wrote ${join(here, 'results.md')} and grid.png in ${((performance.now() - started) / 1000).toFixed(0)} s`);
