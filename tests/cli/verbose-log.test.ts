import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestGateway, TEST_API_KEY, type TestGateway } from '../gateway/test-gateway.ts';
import { photos, runCli, tempDir, writeMask } from './run-cli.ts';

vi.setConfig({ testTimeout: 90_000 });

let gateway: TestGateway;
let dir: string;
beforeAll(async () => {
  gateway = await startTestGateway();
  dir = await tempDir();
});
afterAll(() => gateway.close());

describe('infill -v', () => {
  it('writes the app’s log in the data folder: the command, the job id, gateway status codes, the retry, timings — never the key', async () => {
    const dataDir = join(dir, 'app-data');
    const mask = join(dir, 'mask.png');
    await writeMask(mask, 512, 512, (x, y) => Math.hypot(x - 300, y - 200) < 40);
    gateway.setFault({ kind: 'rate-limit', retryAfterMs: 50, times: 1 });
    const out = join(dir, 'kite.png');
    const run = await runCli(['inpaint', join(photos, 'astronaut.jpg'), '--mask', mask, '--base-url', gateway.baseUrl, '--model', 'gpt-image-1', '--prompt', 'a kite', '--out', out, '-v'], {
      env: { INFILL_API_KEY: TEST_API_KEY, INFILL_DATA_DIR: dataDir },
    });
    expect(run.code, run.stderr).toBe(0);
    const logPath = join(dataDir, 'logs', 'infill.log');
    expect(run.stderr).toContain(`infill: log: ${logPath}`);
    const log = await readFile(logPath, 'utf8');
    const jobId = /\(jobs\) job started job=(job-[0-9a-z-]+)/.exec(log)?.[1];
    expect(jobId, log).toBeDefined();
    expect(log).toMatch(/\(cli\) infill inpaint .*--prompt a kite/);
    expect(log).toMatch(new RegExp(`\\(http\\) POST ${gateway.baseUrl}/images/edits job=${jobId} status=429 ms=\\d+`));
    expect(log).toMatch(new RegExp(`\\(gateway\\) retrying job=${jobId} path=/images/edits reason="Rate limited" waitMs=\\d+ attempt=2 of=3`));
    expect(log).toMatch(new RegExp(`\\(http\\) POST ${gateway.baseUrl}/images/edits job=${jobId} status=200 ms=\\d+`));
    expect(log).toMatch(new RegExp(`\\(jobs\\) job done job=${jobId} ms=\\d+ candidates=1`));
    expect(log).toMatch(/\(cli\) done exit=0 ms=\d+/);
    expect(log).not.toContain(TEST_API_KEY);
    expect(log).not.toContain(TEST_API_KEY.slice(-8));
  });

  it('without -v nothing is written to the log folder', async () => {
    const dataDir = join(dir, 'quiet-data');
    const run = await runCli(['inpaint', join(photos, 'astronaut.jpg'), '--out', join(dir, 'x.png')], { env: { INFILL_DATA_DIR: dataDir } });
    expect(run.code).toBe(2);
    await expect(readFile(join(dataDir, 'logs', 'infill.log'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
