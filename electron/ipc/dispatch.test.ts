import { describe, expect, it, vi } from 'vitest';
import { InfillError } from '../../shared/errors.ts';
import { dispatch, type Handlers } from './dispatch.ts';

function handlers(overrides: Partial<Handlers>): Handlers {
  return overrides as Handlers;
}

describe('dispatch', () => {
  it('refuses unknown channels', async () => {
    const result = await dispatch(handlers({}), 'fs:readFile', {});
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
  });

  it('parses input before the handler sees it', async () => {
    const readAsset = vi.fn();
    const result = await dispatch(handlers({ readAsset }), 'readAsset', { assetId: '../../etc/passwd' });
    expect(readAsset).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toContain('assetId');
    }
  });

  it('rejects unexpected fields', async () => {
    const cancelJob = vi.fn();
    const result = await dispatch(handlers({ cancelJob }), 'cancelJob', { jobId: 'job-1', extra: true });
    expect(result.ok).toBe(false);
    expect(cancelJob).not.toHaveBeenCalled();
  });

  it('carries an InfillError across as code and message', async () => {
    const cancelJob = vi.fn(async () => {
      throw new InfillError('JOB_NOT_FOUND', 'No such job');
    });
    const result = await dispatch(handlers({ cancelJob }), 'cancelJob', { jobId: 'job-1' });
    expect(result).toEqual({ ok: false, error: { code: 'JOB_NOT_FOUND', message: 'No such job' } });
  });

  it('returns data that matches the output schema', async () => {
    const cancelJob = vi.fn(async () => ({ cancelled: true }));
    expect(await dispatch(handlers({ cancelJob }), 'cancelJob', { jobId: 'job-1' })).toEqual({
      ok: true,
      data: { cancelled: true },
    });
  });
});
