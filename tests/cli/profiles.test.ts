import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createKeyStore } from '../../electron/keys/key-store.ts';
import { createProfileStore } from '../../electron/profiles/profile-store.ts';
import { startTestGateway, TEST_API_KEY, type TestGateway } from '../gateway/test-gateway.ts';
import { photos, runCli, tempDir, writeMask } from './run-cli.ts';

// Each test starts the CLI as a child process (tsx compiles it first): slower than a unit test.
vi.setConfig({ testTimeout: 90_000 });

/** Gateway profiles saved by the app (its own stores, in a temporary data folder), used by name. */

/** A stand-in for Electron's safeStorage with a real keychain: what the CLI cannot decrypt. */
const keychain = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text: string) => Buffer.from(`enc:${text}`),
  decryptString: (data: Buffer) => data.toString().replace(/^enc:/, ''),
};

let gateway: TestGateway;
let dataDir: string;
let mask: string;
beforeAll(async () => {
  gateway = await startTestGateway();
  dataDir = await tempDir();
  const profiles = await createProfileStore({ dataDir });
  const plain = await profiles.save({ name: 'Local relay', baseUrl: gateway.baseUrl, protocol: 'openai-images', model: 'gpt-image-1' }, { persistInsecurely: true });
  const locked = await profiles.save({ name: 'Keychain relay', baseUrl: gateway.baseUrl, protocol: 'json-relay', model: 'sdxl-inpaint' });
  // As the app saves them: without a keychain only on opt-in (plain), with one encrypted.
  await (await createKeyStore({ dataDir })).set(plain.profile.id, TEST_API_KEY, { persistInsecurely: true });
  await (await createKeyStore({ dataDir, safeStorage: keychain })).set(locked.profile.id, TEST_API_KEY, { persistInsecurely: false });
  mask = join(dataDir, 'mask.png');
  await writeMask(mask, 600, 400, (x, y) => x >= 280 && x < 320 && y >= 180 && y < 220);
});
afterAll(() => gateway.close());

describe('saved gateway profiles', () => {
  it('--provider NAME uses the profile and its saved key; models PROFILE lists models', async () => {
    const out = join(dataDir, 'out.png');
    const run = await runCli(['inpaint', join(photos, 'coffee.jpg'), '--mask', mask, '--provider', 'Local relay', '--data-dir', dataDir, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(gateway.requests.at(-1)).toMatchObject({ path: '/images/edits', status: 200 });
    // Recorded in the app's usage log, as a job from the app would be.
    const usage = (await readFile(join(dataDir, 'usage.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { gatewayName: string; images: number });
    expect(usage.at(-1)).toMatchObject({ gatewayName: 'Local relay', images: 1 });
    const models = await runCli(['models', 'local-relay', '--data-dir', dataDir]);
    expect(models.code, models.stderr).toBe(0);
    expect(models.stdout.trim().split('\n')).toContain('gpt-image-1');
  });

  it('a key locked in the system keychain: exit 3 saying to set INFILL_API_KEY, which then works', async () => {
    const args = ['inpaint', join(photos, 'coffee.jpg'), '--mask', mask, '--provider', 'Keychain relay', '--data-dir', dataDir, '--out', join(dataDir, 'k.png')];
    const locked = await runCli(args);
    expect(locked.code).toBe(3);
    expect(locked.stderr).toMatch(/system keychain.*INFILL_API_KEY/);
    const withEnv = await runCli(args, { env: { INFILL_API_KEY: TEST_API_KEY } });
    expect(withEnv.code, withEnv.stderr).toBe(0);
  });

  it('an unknown profile name lists the saved ones (exit 2)', async () => {
    const run = await runCli(['models', 'nope', '--data-dir', dataDir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no saved gateway profile “nope”; saved: Local relay, Keychain relay/);
  });
});
