import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { InfillError } from '../../shared/errors.ts';
import { createProjectSaves } from './project-saves.ts';

const bytesOf = (text: string) => async () => new TextEncoder().encode(text);

describe('saving a project where the person chose (Electron)', () => {
  it('asks the first time, then saves to the same file without asking; Save as asks again, from that file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'infill-saves-'));
    const first = join(dir, 'client.infill');
    const choose = vi.fn(async () => first);
    const saves = createProjectSaves(choose);

    expect(await saves.save('photo.infill', false, bytesOf('one'))).toMatchObject({ outcome: 'written', fileName: 'client.infill', path: first });
    expect(choose).toHaveBeenLastCalledWith('photo.infill');
    // The renderer now calls the project by the name it was saved under.
    expect(await saves.save('client.infill', false, bytesOf('two'))).toMatchObject({ outcome: 'written', path: first });
    expect(choose).toHaveBeenCalledTimes(1);
    expect(await readFile(first, 'utf8')).toBe('two');

    const second = join(dir, 'client-v2.infill');
    choose.mockResolvedValueOnce(second);
    expect(await saves.save('client.infill', true, bytesOf('three'))).toMatchObject({ fileName: 'client-v2.infill' });
    expect(choose).toHaveBeenLastCalledWith(first);
    expect(await readFile(second, 'utf8')).toBe('three');
    expect(await readFile(first, 'utf8')).toBe('two');
  });

  it('a cancelled dialog writes nothing and does not even pack the project', async () => {
    const pack = vi.fn(bytesOf('never'));
    const saves = createProjectSaves(async () => undefined);
    expect(await saves.save('photo.infill', false, pack)).toEqual({ outcome: 'cancelled' });
    expect(pack).not.toHaveBeenCalled();
  });

  it('a file that cannot be written says where and why, and keeps the file as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'infill-saves-'));
    const blocker = join(dir, 'not-a-folder');
    await writeFile(blocker, 'a file where a folder should be');
    const saves = createProjectSaves(async () => join(blocker, 'photo.infill'));
    const failure = await saves.save('photo.infill', false, bytesOf('x')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InfillError);
    expect(failure).toMatchObject({ code: 'FILE_NOT_WRITABLE', params: { path: join(blocker, 'photo.infill') } });
    expect(await readFile(blocker, 'utf8')).toBe('a file where a folder should be');
  });
});
