/**
 * Offline fill benchmark (issue 4): quality on real photos with synthetic holes against
 * OpenCV's Telea and NS, and speed at 1 MP and 24 MP. Prints markdown, writes
 * bench/fill/results.md and bench/fill/grid.png.
 *
 *   node --import tsx bench/fill/run.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
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
out.push(
  'Separate runs of the same 18 cases while tuning (2026-11-21, not re-measured by this script), means over all cases. ' +
    'Every change that brought content-aware SSIM towards Telea\'s lowered its texture ratio: in-hole SSIM rewards a ' +
    'smooth guess over a plausible texture that is not exactly where the original\'s was. The shipped setting keeps texture. ' +
    'Second round: every knob still moved along the same line (about +0.03 SSIM per −0.1 texture ratio); 9×9 patches and ' +
    'the finest level\'s best-proposal vote shifted it by about +0.01 SSIM at equal texture, not the +0.026 the goal needs. ' +
    'Third round: gradient channels in the patch distance lowered SSIM at every weight; Poisson seam blending moved the line ' +
    '(+0.004 SSIM and +0.02 texture ratio), but no correction knob then raised SSIM further.',
);
out.push('');
out.push(
  table(
    ['variant', 'PSNR', 'SSIM', 'texture'],
    [
      ['content-aware: Wexler weights (σ² = 75th pct), smooth start', 17.44, 0.513, 0.73],
      ['… σ² = 25th percentile', 17.39, 0.508, 0.773],
      ['… + onion-peel start + low-frequency correction', 18.12, 0.502, 0.806],
      ['… σ² = 10th percentile (shipped until the second round)', 18.2, 0.501, 0.826],
      ['… + spatial prior (nearby sources), weak / medium / strong', '18.33 / 18.37 / 18.41', '0.519 / 0.528 / 0.540', '0.726 / 0.680 / 0.641'],
      ['… + spatial prior at the coarsest level only, medium / strong', '18.35 / 18.39', '0.510 / 0.516', '0.784 / 0.767'],
      ['… + Wexler\'s boundary confidence γ^−dist in the vote, γ = 1.1 / 1.3', '18.21 / 18.27', '0.503 / 0.515', '0.823 / 0.772'],
      ['second round (from the row above): low-frequency correction at strength 1, blur radius 4 / 2 / 1', '18.21 / 18.32 / 18.43', '0.502 / 0.516 / 0.536', '0.837 / 0.792 / 0.691'],
      ['… finest level votes the best proposal (hard mode) instead of the weighted mean, radius 4 / 2', '18.17 / 18.30', '0.497 / 0.511', '0.851 / 0.820'],
      ['… lower σ² percentile at the finest level (2 % / 0.5 %) instead', '18.20 / 18.20', '0.501 / 0.502', '0.824 / 0.824'],
      ['… + edge holes draw only from sources within 1× / 2× / 4× the band width (coarse levels: same, scaled)', '18.34 / 18.19 / 18.28', '0.520 / 0.500 / 0.512', '0.695 / 0.787 / 0.758'],
      ['… best vote, strength 1 radius 2, edge reach 2× with ≥ 12 px at every level', 18.31, 0.511, 0.802],
      ['… same, 5×5 / 9×9 / 11×11 patches', '18.35 / 18.37 / 18.36', '0.527 / 0.518 / 0.514', '0.733 / 0.814 / 0.786'],
      ['… 9×9, 3 EM iterations at full resolution instead of 1 (7×7)', 18.31, 0.51, 0.806],
      ['… 9×9, edge reach 1×, correction radius 2 / 3 / 4 / 5 (normalised)', '18.39 / 18.35 / 18.33 / 18.31', '0.531 / 0.524 / 0.520 / 0.518', '0.774 / 0.799 / 0.806 / 0.808'],
      ['… 9×9, reach 1×, radius 4, correction scaled by match trust, coarsest level ≥ ½ hole px in sources', 18.13, 0.519, 0.825],
      ['… same, coarsest level ≥ 1× / ¾× hole px in sources (periodic-texture test band: 9 dB; 3× slower)', '18.28 / 18.14', '0.526 / 0.517', '0.811 / 0.818'],
      ['… edge reach ½× / ¾× (coffee 136 px strip: 1× copies the cup, ½× does not)', '18.17 / 18.21', '0.522 / 0.522', '0.815 / 0.810'],
      ['… edge reach ½×, at least 32 px (shipped; at least 24 px: 0.517 / 0.827, and the periodic-texture test band fails)', 18.19, 0.521, 0.811],
      ['… correction radius 3 / 2 / 1 (radius 1: the patches keep only ~2 px detail, structure is the smooth fill\'s; not shipped)', '18.17 / 18.15 / 18.13', '0.521 / 0.522 / 0.524', '0.819 / 0.828 / 0.820'],
      ['… trust scale 16 instead of 4, radius 3 / 2 / 1', '18.09 / 18.07 / 18.05', '0.523 / 0.523 / 0.525', '0.815 / 0.822 / 0.817'],
      ['third round (from the row above): + luma-gradient channels (central differences of (r+2g+b)/4, hole gradients refreshed after every vote) in the PatchMatch distance, weight ½ / 1 / 2 per channel vs one colour channel (not shipped)', '18.05 / 18.11 / 18.06', '0.514 / 0.516 / 0.513', '0.825 / 0.810 / 0.815'],
      ['… + Poisson seam blending (300 SOR iterations) with gradient channels at the coarse levels only, weight 1 (not shipped; the 24 MP case also got ~1 s slower)', 18.04, 0.519, 0.83],
      ['… no gradient channels; Poisson seam blending after the low-frequency correction, guidance across the seam = matched source\'s gradient, 300 / 1000 iterations', '18.05 / 18.05', '0.525 / 0.525', '0.825 / 0.825'],
      ['… the same, before the low-frequency correction instead', 18.51, 0.518, 0.819],
      ['… guidance across the seam ½ × source gradient / none (membrane)', '18.10 / 18.14', '0.525 / 0.525', '0.829 / 0.832'],
      ['… none, 150 iterations: same to 0.001, but the periodic-texture test drops from 33 to 25 dB (a texture\'s own step at the seam is flattened)', 18.15, 0.525, 0.832],
      ['… source gradient across the seam scaled by match trust exp(−d/4), 150 iterations (shipped; holes over 250 k px skip it; periodic-texture test unchanged)', 18.15, 0.525, 0.832],
      ['… none, 300 iterations + correction radius 3 / 2; + trust scale 16 and radius 3 (source guidance); + trust scale 1', '18.13 / 18.12; 17.96; 18.20', '0.525 / 0.525; 0.525; 0.525', '0.838 / 0.844; 0.826; 0.835'],
      ['… + vote weights σ² at the 25th / 50th percentile instead of the 10th (Δ to Telea still −0.051; not shipped)', '18.21 / 18.26', '0.526 / 0.526', '0.809 / 0.819'],
      ['coffee extend strip only (not in the means): edge holes under the ½-hole-pixels stop rule — pyramid stops at full resolution, 3.4 s, saucer continued, no cup', 15.93, 0.409, 0.79],
      ['… the same with only the 48-source floor (shipped): 0.54 s, pieces of the cup rim and spoon copied in; coarse reach ≥ 8 px without the all-sources fallback: still the rim', '16.79 / 15.15', '0.411 / 0.377', '0.77 / 0.87'],
      ['smooth: no gradient term', 18.28, 0.591, 0.335],
      ['smooth: ½ gradient term everywhere', 17.75, 0.576, 0.462],
      ['smooth: full gradient term (as in the paper)', 9.13, 0.258, 3.83],
      ['smooth: ½ gradient term fading out from T = 2 to 6 px (shipped)', 18.22, 0.59, 0.366],
    ],
  ),
);
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
