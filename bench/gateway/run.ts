/**
 * Gateway benchmarks, through the app's real job path (asset store → job runner → gateway
 * provider → local test gateway over real HTTP on 127.0.0.1), each set against a baseline
 * measured in the same run:
 * 1. prep time for a 24 MP JPEG with a 5 % mask, against sharp's bare decode of the file;
 * 2. request bytes, against the naive client (the whole photo re-encoded until it fits 4 MB);
 * 3. app overhead per job, against a bare `fetch` POST of the identical body to the same gateway.
 * Prints a markdown section on stdout (progress on stderr).
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import type { Rect } from '../../shared/geometry.ts';
import type { GatewayProtocol } from '../../shared/gateway/profile.ts';
import { encodeImageForUpload } from '../../electron/gateways/prep/encode.ts';
import { DEFAULT_BUDGET_BYTES, transportFactor } from '../../electron/gateways/prep/payload-budget.ts';
import { cropMask, paintedBounds } from '../../electron/jobs/mask-region.ts';
import { flattenRegion } from '../../electron/services/flatten.ts';
import { decodeRgba } from '../../electron/services/image-codec.ts';
import { importImage } from '../../electron/services/image-import.ts';
import { naiveUpload } from '../../tests/gateway/job-fixtures.ts';
import type { NaiveUpload } from '../../tests/gateway/job-fixtures.ts';
import { startTestGateway, TEST_API_KEY } from '../../tests/gateway/test-gateway.ts';
import type { TestGateway } from '../../tests/gateway/test-gateway.ts';
import { benchPhoto } from '../app/fixtures.ts';
import { median, ms } from '../app/stats.ts';
import { createAppHarness, gatewayProvider, maskShare, softDisc } from './app-job.ts';
import type { StartJob } from './app-job.ts';
import { replayHeaders, startCaptureProxy } from './capture-proxy.ts';
import { detailedPhoto } from './fixtures.ts';
import { profileJobSteps } from './profile.ts';
import type { StepTime } from './profile.ts';

const PREP_RUNS = 5;
const OVERHEAD_RUNS = 20;
const PROMPT = 'a small wooden boat';
const log = (message: string): void => console.error(`[gateway] ${message}`);
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(2)} MB`;
const kb = (n: number): string => (n >= 1024 * 1024 ? mb(n) : `${(n / 1024).toFixed(0)} KB`);
const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');
const fastest = (samples: number[]): number => Math.min(...samples);
const signed = (value: number): string => `${value < 0 ? '−' : '+'}${Math.abs(value).toFixed(0)} ms`;
const load = (): string => loadavg()[0]!.toFixed(1);
const stepRows = (steps: StepTime[]): string[] => ['| step | median |', '|---|---|', ...steps.map((s) => `| ${s.detail ? '↳ ' : ''}${s.step} | ${ms(s.ms)} |`)];

function lastPost(gateway: TestGateway) {
  const request = gateway.requests.filter((q) => q.method === 'POST').at(-1);
  if (!request || request.status !== 200) throw new Error(`the gateway did not accept the request (${request?.status})`);
  return request;
}

const lines: string[] = ['## Gateways', ''];
const loadAtStart = load();
const gateway = await startTestGateway({ apiKey: TEST_API_KEY });
const cases = (
  [
    ['openai-images', 'gpt-image-1'],
    ['openai-images', 'gpt-image-2'],
    ['chat-image', 'google/gemini-2.5-flash-image'],
    ['json-relay', 'sdxl-inpaint'],
  ] as const
).map(([protocol, model]) => ({ protocol, model, provider: gatewayProvider(`bench-${model.replace(/\W/g, '-')}`, gateway.baseUrl, protocol, model) }));
const providers = cases.map((c) => c.provider);
const main = providers[0]!;

try {
  // ── 1. Prep time, 24 MP ────────────────────────────────────────────────────────────────────
  const canvas: Rect = { x: 0, y: 0, width: 6000, height: 4000 };
  const radius = Math.round(Math.sqrt((0.05 * canvas.width * canvas.height) / Math.PI));
  const bigMask = softDisc(3000, 1800, radius);
  const share = maskShare(bigMask, canvas.width * canvas.height);
  const bigRegion = main.contextRegion(paintedBounds(bigMask)!, canvas);
  const photos = [
    { name: 'detailed', file: await detailedPhoto(6000, 4000), what: 'the test photos tiled at native resolution (camera-like detail)' },
    { name: 'smooth', file: await benchPhoto(6000, 4000, 'jpeg'), what: "bench/app's astronaut, upscaled 12× (very smooth)" },
  ];
  const prepRows: string[] = [];
  let uploadLine = '';
  for (const photo of photos) {
    const fileBytes = (await readFile(photo.file)).length;
    const decodeTimes: number[] = [];
    const cold: Array<{ total: number; open: number; flatten: number; prep: number }> = [];
    const warm: number[] = [];
    await sharp(photo.file).raw().toBuffer(); // warm the file cache and libvips for both sides
    for (let i = 0; i < PREP_RUNS; i++) {
      let start = performance.now();
      await sharp(photo.file).raw().toBuffer();
      decodeTimes.push(performance.now() - start);

      // Cold: a fresh asset store, so the job pays the one decode, as a first job after opening does.
      const harness = await createAppHarness(providers);
      try {
        start = performance.now();
        const asset = await importImage(harness.assets, `${photo.name}.jpg`, new Uint8Array(await readFile(photo.file)), { keepPixels: true });
        const open = performance.now() - start;
        const job: StartJob = { providerId: main.info.id, prompt: PROMPT, canvas, layers: [{ assetId: asset.assetId, x: 0, y: 0, opacity: 1, visible: true }], mask: bigMask, seed: 1, n: 1 };
        const first = await harness.run(job);
        cold.push({ total: open + first.prepared, open, flatten: first.flattened, prep: first.prepared - first.flattened });
        if (photo.name === 'detailed') uploadLine = first.uploadMessage.replace(/ to .*$/, '');
        // Warm: the same document again; its decoded pixels are in the asset store's cache.
        const again = await harness.run({ ...job, seed: 2 });
        warm.push(again.prepared);
        log(`${photo.name} prep ${i + 1}: sharp ${decodeTimes.at(-1)!.toFixed(0)} ms, cold ${(open + first.prepared).toFixed(0)} ms (open ${open.toFixed(0)}), warm ${again.prepared.toFixed(0)} ms`);
      } finally {
        await harness.dispose();
      }
    }
    const decode = median(decodeTimes);
    const pick = (key: 'total' | 'open' | 'flatten' | 'prep') => median(cold.map((c) => c[key]));
    const ratio = (value: number, base = decode) => `${(value / base).toFixed(2)}×`;
    const best = fastest(decodeTimes);
    const coldBest = fastest(cold.map((c) => c.total));
    prepRows.push(
      `| **${photo.name}** (${mb(fileBytes)} JPEG): sharp's bare decode, \`sharp(file).raw().toBuffer()\` (baseline) | ${ms(decode)} | 1.0× | ${ms(best)} | |`,
      `| **${photo.name}**: Infill, cold job — read file → open → runner → request ready | **${ms(pick('total'))}** | **${ratio(pick('total'))}** | ${ms(coldBest)} (${ratio(coldBest, best)}) | ≤ 2×: ${verdict(pick('total') <= 2 * decode)} |`,
      `| ↳ open: importImage (probe + full decode to RGBA, kept + sha256 + write to the asset store) | ${ms(pick('open'))} | ${ratio(pick('open'))} | | |`,
      `| ↳ runner: mask bounds, context region, flatten the region, crop the mask | ${ms(pick('flatten'))} | ${ratio(pick('flatten'))} | | |`,
      `| ↳ provider: prepareJob (distance transform, grow/feather, fit, polarity, encode image + mask within budget) | ${ms(pick('prep'))} | ${ratio(pick('prep'))} | | |`,
      `| **${photo.name}**: Infill, warm job (document already open, its pixels cached) | ${ms(median(warm))} | ${ratio(median(warm))} | ${ms(fastest(warm))} (${ratio(fastest(warm), best)}) | |`,
    );
  }
  lines.push(
    `### Prep time: 24 MP JPEG (6000×4000), ${(share * 100).toFixed(1)} % mask (soft disc r = ${radius} px), gpt-image-1`,
    '',
    `Context region ${bigRegion.width}×${bigRegion.height} around the mask; the provider reported "${uploadLine}" (detailed photo). Two photos: **detailed** is ${photos[0]!.what}; **smooth** is ${photos[1]!.what}.`,
    '',
    `| ${PREP_RUNS} runs each, interleaved | median | ratio to sharp decode | fastest (ratio of fastest) | goal (on medians) |`,
    '|---|---|---|---|---|',
    ...prepRows,
    '',
    'Timed from reading the file to the moment the provider starts the upload (its "Uploading …" progress event): the HTTP call, compositing and the layer are not in these figures (they are in the overhead table below). Opening a photo as the document decodes it once (the check for damage) and keeps the pixels for the first fill (pasted layers are only checked, by a shrinking decode, and decoded when a job needs them); the cold row is that open plus the first job, as a first job right after opening; the warm row is a job on a document already open. The baseline decodes to 3-channel raw; the app decodes to RGBA with EXIF orientation and sRGB conversion.',
    '',
  );

  // Where a 24 MP job's prep goes, step by step (detailed photo).
  {
    const harness = await createAppHarness(providers);
    try {
      const asset = await importImage(harness.assets, 'detailed.jpg', new Uint8Array(await readFile(photos[0]!.file)), { keepPixels: true });
      const layers = [{ assetId: asset.assetId, x: 0, y: 0, opacity: 1, visible: true }];
      log('profiling the 24 MP job…');
      const steps = await profileJobSteps({ assets: harness.assets, layers, region: bigRegion, canvas, mask: bigMask, protocol: 'openai-images', model: 'gpt-image-1', runs: 3 });
      lines.push(
        `Where the detailed photo's job goes, step by step (each step alone with the job's inputs, median of 3). The flatten and prepareJob rows are the prep timed above; the rest run after the answer is in (they are part of the job, not of the prep figure) and use the upload's pixels, as PNG, in place of the gateway's answer:`,
        '',
        ...stepRows(steps),
        '',
      );
    } finally {
      await harness.dispose();
    }
  }

  // ── 2. Request bytes ───────────────────────────────────────────────────────────────────────
  const byteRows: string[] = [];
  const naiveNotes: string[] = [];
  const whatIf: string[] = [];
  for (const photo of photos) {
    const harness = await createAppHarness(providers);
    const wire: Array<{ protocol: GatewayProtocol; model: string; path: string; body: number; upload: string }> = [];
    let losslessBody: { body: number; image: number; png: number } | undefined;
    try {
      const asset = await importImage(harness.assets, `${photo.name}.jpg`, new Uint8Array(await readFile(photo.file)), { keepPixels: true });
      const layers = [{ assetId: asset.assetId, x: 0, y: 0, opacity: 1, visible: true }];
      for (const { protocol, model, provider } of cases) {
        const times = await harness.run({ providerId: provider.info.id, prompt: PROMPT, canvas, layers, mask: bigMask, seed: 3, n: 1 });
        const request = lastPost(gateway);
        wire.push({ protocol, model, path: request.path, body: request.bodyBytes, upload: times.uploadMessage.replace(/ to .*$/, '').replace(/^Uploading /, '') });
        log(`${photo.name} bytes ${protocol}/${model}: ${request.path} ${request.bodyBytes} B`);
        const sentImage = request.files?.find((f) => f.field === 'image' || f.field === 'image[]');
        if (model === 'gpt-image-1' && sentImage) {
          // For comparison: the same crop as lossless PNG (the `upload: 'lossless'` option, and the default before).
          const crop = await flattenRegion(layers, bigRegion, (id) => harness.assets.readRgba(id));
          const plan = { size: { width: sentImage.width, height: sentImage.height }, format: 'png' as const, quality: 90, alpha: false, estimatedBytes: 0, budgetBytes: DEFAULT_BUDGET_BYTES };
          const png = await encodeImageForUpload(crop, plan);
          losslessBody = { body: request.bodyBytes - sentImage.bytes + png.bytes.length, image: sentImage.bytes, png: png.bytes.length };
        }
      }
    } finally {
      await harness.dispose();
    }
    log(`${photo.name}: the naive client re-encodes the whole photo until it fits 4 MB…`);
    const whole = await decodeRgba(new Uint8Array(await readFile(photo.file)));
    const naive: Record<'multipart' | 'base64', NaiveUpload> = { multipart: await naiveUpload(whole, undefined, 1), base64: await naiveUpload(whole, undefined, 4 / 3) };
    const note = (n: NaiveUpload) => `${n.final} → ${mb(n.wireBytes)} after ${n.encodes} encodes (${(n.ms / 1000).toFixed(1)} s)`;
    if (losslessBody) {
      const body = losslessBody.body;
      whatIf.push(`${photo.name}: ${kb(body)} (image ${kb(losslessBody.png)} instead of ${kb(losslessBody.image)}), 1/${(naive.multipart.wireBytes / body).toFixed(1)} of the naive body`);
    }
    naiveNotes.push(`**${photo.name}** (whole photo as PNG: ${mb(naive.multipart.pngBytes)}): multipart ${note(naive.multipart)}; base64 ${note(naive.base64)}`);
    for (const row of wire) {
      const against = transportFactor(row.protocol) === 1 ? naive.multipart : naive.base64;
      const ratio = row.body / against.wireBytes;
      byteRows.push(`| ${photo.name} | ${row.protocol} / ${row.model} | ${row.path} | ${row.upload} | ${kb(row.body)} | ${mb(against.wireBytes)} | 1/${(1 / ratio).toFixed(1)} | ${verdict(ratio <= 0.1)} |`);
    }
  }
  lines.push(
    '### Request bytes: the same 24 MP job, Infill against the naive client',
    '',
    'Infill: the whole request body as the local gateway received it. Naive client: the whole 6000×4000 photo as PNG, then JPEG at quality 95 → 60, then smaller, until it fits 4 MB on the wire (multipart as is, JSON as base64). Only its image is counted (no mask, no form fields), which flatters it.',
    '',
    ...naiveNotes.map((n) => `- ${n}`),
    '',
    '| photo | protocol / model | endpoint | what Infill uploaded | Infill body | naive body | ratio | goal ≤ 1/10 |',
    '|---|---|---|---|---|---|---|---|',
    ...byteRows,
    '',
    `Infill uploads JPEG q85 (4:2:0) wherever the model takes it (PNG where required: dall-e-2), the mask stays PNG in each protocol's polarity; outside the blend mask Infill keeps the original pixels anyway, so a lossy upload only changes the context the model sees. For comparison, gpt-image-1's body with the same crop as lossless PNG (\`upload: 'lossless'\`, the default before; computed, not sent): ${whatIf.join('; ')}.`,
    '',
  );

  // ── 3. App overhead per job ────────────────────────────────────────────────────────────────
  const small = await detailedPhoto(2048, 2048);
  const smallCanvas: Rect = { x: 0, y: 0, width: 2048, height: 2048 };
  const smallMask = softDisc(1024, 1024, 256);
  const proxy = await startCaptureProxy(gateway.origin);
  const viaProxy = gatewayProvider('bench-capture', proxy.baseUrl, 'openai-images', 'gpt-image-1');
  const harness = await createAppHarness([main, viaProxy]);
  try {
    const asset = await importImage(harness.assets, 'detailed-2048.jpg', new Uint8Array(await readFile(small)), { keepPixels: true });
    const layers = [{ assetId: asset.assetId, x: 0, y: 0, opacity: 1, visible: true }];
    const region = main.contextRegion(paintedBounds(smallMask)!, smallCanvas);
    const job: StartJob = { providerId: main.info.id, prompt: PROMPT, canvas: smallCanvas, layers, mask: smallMask, seed: 5, n: 1 };

    // The body the app sends, byte for byte, via the pass-through proxy.
    await harness.run({ ...job, providerId: viaProxy.info.id });
    await proxy.close();
    const sent = proxy.captured.filter((q) => q.method === 'POST').at(-1);
    if (!sent) throw new Error('the capture proxy saw no POST');
    const appBody = lastPost(gateway).bodyBytes;
    const url = `${gateway.origin}${sent.path}`;
    const headers = replayHeaders(sent);
    const body = new Uint8Array(sent.body);
    const rawPost = async (): Promise<Uint8Array> => {
      const response = await fetch(url, { method: 'POST', headers, body });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`raw POST answered ${response.status}`);
      return new Uint8Array(Buffer.from((JSON.parse(text) as { data: Array<{ b64_json: string }> }).data[0]!.b64_json, 'base64'));
    };
    const answer = await rawPost();
    if (lastPost(gateway).bodyBytes !== appBody || sent.body.length !== appBody) throw new Error("the replayed body differs from the app's");

    // provider.run on its own gets the input the runner would give it.
    const input = {
      image: await flattenRegion(layers, region, (id) => harness.assets.readRgba(id)),
      mask: cropMask(smallMask, region),
      region,
      canvas: smallCanvas,
      prompt: PROMPT,
      seed: 5,
      n: 1,
    };
    const runProvider = async (): Promise<void> => {
      await main.run(input, { signal: new AbortController().signal, progress: () => undefined });
    };
    const appTimes: number[] = [];
    const providerTimes: number[] = [];
    const rawTimes: number[] = [];
    const stages = { flatten: [] as number[], prep: [] as number[], http: [] as number[], after: [] as number[] };
    const kinds = ['app', 'provider', 'raw'] as const;
    for (let i = -3; i < OVERHEAD_RUNS; i++) {
      // A new paint colour per round: every job's layer is a new asset (hashed and written), as in use.
      gateway.options.paint = [255, (i * 37) & 255, 255];
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[(k + Math.max(0, i)) % kinds.length];
        const start = performance.now();
        if (kind === 'app') {
          const times = await harness.run({ ...job, seed: 100 + i });
          if (i >= 0) {
            appTimes.push(times.done);
            stages.flatten.push(times.flattened);
            stages.prep.push(times.prepared - times.flattened);
            stages.http.push(times.answered - times.prepared);
            stages.after.push(times.done - times.answered);
          }
          continue;
        }
        if (kind === 'provider') await runProvider();
        else await rawPost();
        if (i >= 0) (kind === 'provider' ? providerTimes : rawTimes).push(performance.now() - start);
      }
    }
    const app = median(appTimes);
    const provider = median(providerTimes);
    const raw = median(rawTimes);
    log(`overhead: app ${app.toFixed(1)} ms, provider ${provider.toFixed(1)} ms, raw ${raw.toFixed(1)} ms`);
    log('profiling the small job…');
    const steps = await profileJobSteps({ assets: harness.assets, layers, region, canvas: smallCanvas, mask: smallMask, protocol: 'openai-images', model: 'gpt-image-1', runs: 10 });
    const flatAnswer = await profileJobSteps({ assets: harness.assets, layers, region, canvas: smallCanvas, mask: smallMask, protocol: 'openai-images', model: 'gpt-image-1', answer, runs: 5 });

    const over = app - raw;
    const contentCost = (list: StepTime[]) => list.filter((st) => /^(decode the answer|runner: encode the layer)/.test(st.step)).reduce((sum, st) => sum + st.ms, 0);
    lines.push(
      `### App overhead per job: ${region.width}×${region.height} crop of a 2048×2048 detailed JPEG, gpt-image-1 (multipart /images/edits, body ${kb(appBody)})`,
      '',
      `${OVERHEAD_RUNS} runs each, interleaved, after 3 warm-up rounds. The gateway runs in this process and does the same work for both (parse the multipart, decode both images, paint, PNG-encode and base64 its answer), so its time cancels out. The app's per-minute request limit (30/min by default) is lifted: it is policy, not overhead. Not included: the usage log's write per answered job and the renderer's side (IPC, drawing the layer).`,
      '',
      '| | median | overhead vs raw (medians) | fastest | goal |',
      '|---|---|---|---|---|',
      `| raw \`fetch\` POST of the identical body (captured byte for byte), answer read and its image base64-decoded (baseline) | ${ms(raw)} | — | ${ms(fastest(rawTimes))} | |`,
      `| **Infill, whole job**: job runner start → \`jobDone\` (layer encoded and stored) | **${ms(app)}** | **${signed(over)}** | ${ms(fastest(appTimes))} (${signed(fastest(appTimes) - fastest(rawTimes))}) | ≤ +30 ms: ${verdict(over <= 30)} |`,
      `| ↳ start → upload begins (runner flatten + provider prepareJob) | ${ms(median(stages.flatten) + median(stages.prep))} | | | |`,
      `| ↳ upload → answer in (SDK request, connect probe, rate limiter, gateway, JSON + base64) | ${ms(median(stages.http))} | ${signed(median(stages.http) - raw)} | | |`,
      `| ↳ answer → \`jobDone\` (finishCandidate, layer pixels, layer PNG, asset store) | ${ms(median(stages.after))} | | | |`,
      `| Infill, provider.run alone (prepareJob + HTTP + finishCandidate) | ${ms(provider)} | ${signed(provider - raw)} | ${ms(fastest(providerTimes))} | |`,
      '',
      `Where the app's own time goes (each step alone with the job's inputs, median of 10). The test gateway answers with the crop painted flat magenta inside the mask, which is cheaper to decode and to encode as a layer than a model's picture; the steps below use the upload's pixels as a PNG (photo content) as the answer instead. Decoding the answer and encoding the layer took ${ms(contentCost(flatAnswer))} with the gateway's flat answer and ${ms(contentCost(steps))} with the photo-like one: a real model's job pays about that difference on top of the figures above.`,
      '',
      ...stepRows(steps),
      '',
    );
  } finally {
    await harness.dispose();
  }
} finally {
  await gateway.close();
}
lines.push(`Machine load while this ran (1-minute load average on ${availableParallelism()} cores): ${loadAtStart} at the start, ${load()} at the end; other work on the machine slows both sides of each comparison, medians and fastest runs are both shown.`, '');
console.log(lines.join('\n'));
