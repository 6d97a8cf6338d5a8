import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { DOCUMENT_ID, type RecordMap } from '../../shared/document/records.ts';
import { createProjectSaves } from '../projects/project-saves.ts';
import { createRecentProjects } from '../projects/recent-projects.ts';
import { createAssetStore } from '../services/asset-store.ts';
import { createHandlers, type HandlerServices } from './create-handlers.ts';

const records: RecordMap = { [DOCUMENT_ID]: { typeName: 'document', id: DOCUMENT_ID, name: 'photo.jpg', canvas: { x: 0, y: 0, width: 8, height: 8 }, order: [] } };

/** The project handlers with real storage; the services they do not touch are left out. */
async function handlersWith(extra: Partial<HandlerServices>) {
  const dir = await mkdtemp(join(tmpdir(), 'infill-handlers-'));
  const recent = createRecentProjects(dir);
  const services = {
    assets: await createAssetStore({ dir: join(dir, 'assets') }),
    recent,
    appInfo: { version: '1.2.3', platform: 'test', shell: 'electron' },
    ...extra,
  } as HandlerServices;
  return { dir, recent, handlers: createHandlers(services) };
}

describe('saveProject', () => {
  it('in a browser, hands the packed project back to be downloaded', async () => {
    const { handlers, recent } = await handlersWith({});
    const saved = await handlers.saveProject({ name: 'photo.jpg', records });
    expect(saved).toMatchObject({ outcome: 'download', fileName: 'photo.infill' });
    const files = unzipSync((saved as { bytes: Uint8Array }).bytes);
    expect(Object.keys(files)).toContain('manifest.json');
    await vi.waitFor(async () => expect((await recent.list()).map((entry) => entry.name)).toEqual(['photo.infill']));
  });

  it('in Electron, writes the file where the person chose and reports its name; Open recent lists it by that name', async () => {
    const target = join(await mkdtemp(join(tmpdir(), 'infill-chosen-')), 'client.infill');
    const choose = vi.fn(async () => target);
    const { handlers, recent } = await handlersWith({ projectSaves: createProjectSaves(choose) });
    expect(await handlers.saveProject({ name: 'photo.jpg', records })).toEqual({ outcome: 'written', fileName: 'client.infill' });
    expect(Object.keys(unzipSync(new Uint8Array(await readFile(target))))).toContain('manifest.json');
    await vi.waitFor(async () => expect((await recent.list()).map((entry) => entry.name)).toEqual(['client.infill']));

    choose.mockResolvedValueOnce(undefined as never);
    expect(await handlers.saveProject({ name: 'client.infill', records, saveAs: true })).toEqual({ outcome: 'cancelled' });
  });
});
