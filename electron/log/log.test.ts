import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logDirFor, openLogFile } from './log-file.ts';
import { formatLine, protectInLogs, scopedLogger, setLogSink, withJobLog } from './log.ts';

const KEY = 'sk-live-0123456789abcdefSECRET';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'infill-log-'));
});
afterEach(async () => {
  setLogSink(undefined);
  await rm(dataDir, { recursive: true, force: true });
});

describe('log', () => {
  it('writes scoped lines with the job id to <data>/logs/infill.log, never a key or image data', async () => {
    const log = await openLogFile({ dataDir });
    expect(log.path).toBe(join(dataDir, 'logs', 'infill.log'));
    protectInLogs('custom-relay-token-XYZ');
    const gateway = scopedLogger('gateway');
    await withJobLog('job-abc', async () => {
      await Promise.resolve();
      gateway.info('POST /images/edits', { status: 200, ms: 1234, auth: `Bearer ${KEY}`, image: new Uint8Array(5000) });
    });
    gateway.warn(`relay said: invalid key ${KEY} and custom-relay-token-XYZ`, { body: `data:image/png;base64,${'A'.repeat(4000)}`, raw: 'B'.repeat(900) });
    const text = await readFile(log.path, 'utf8');
    expect(text).toMatch(/\[info\]\s+\(gateway\) POST \/images\/edits job=job-abc status=200 ms=1234 auth=\[key\] image=\[5000 bytes\]/);
    expect(text).toMatch(/\[warn\]\s+\(gateway\) relay said: invalid key \[key\] and \[key\]/);
    expect(text).toContain('body="[data URI]"');
    expect(text).toContain('raw="[900 base64 chars]"');
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('XYZ');
    expect(text).not.toContain('AAAA');
  });

  it('rotates at the size limit and keeps at most three old files', async () => {
    await openLogFile({ dataDir, maxBytes: 4000, keep: 3 });
    const log = scopedLogger('test');
    for (let i = 0; i < 400; i++) log.info(`line ${i} ${'x'.repeat(60)}`);
    const files = (await readdir(logDirFor(dataDir))).sort();
    expect(files).toEqual(['infill.1.log', 'infill.2.log', 'infill.3.log', 'infill.log']);
    expect(await readFile(join(logDirFor(dataDir), 'infill.log'), 'utf8')).toContain('line 399');
  });

  it('writes from any working folder (no package.json to name the app)', async () => {
    const before = process.cwd();
    process.chdir(dataDir);
    try {
      const log = await openLogFile({ dataDir });
      scopedLogger('app').info('started');
      expect(await readFile(log.path, 'utf8')).toMatch(/\(app\) started/);
    } finally {
      process.chdir(before);
    }
  });

  it('without an open log nothing is written and nothing throws', () => {
    expect(() => scopedLogger('quiet').error('nobody listens')).not.toThrow();
    expect(formatLine('plain', { a: 1, b: 'two words', c: undefined })).toBe('plain a=1 b="two words"');
  });
});
