import { describe, expect, it } from 'vitest';
import { tempDir } from '../services/test-photos.ts';
import { createRecentProjects, MAX_RECENT } from './recent-projects.ts';

describe('recent projects', () => {
  it('keeps the last ten, newest first, one entry per name, and their bytes', async () => {
    const recent = createRecentProjects(await tempDir());
    for (let i = 0; i < 12; i++) await recent.remember(`p${i}.infill`, new Uint8Array([i]));
    await recent.remember('p5.infill', new Uint8Array([55]));
    const list = await recent.list();
    expect(list).toHaveLength(MAX_RECENT);
    expect(list.map((entry) => entry.name).slice(0, 3)).toEqual(['p5.infill', 'p11.infill', 'p10.infill']);
    expect(list.map((entry) => entry.name)).not.toContain('p0.infill');
    expect([...(await recent.read(list[0]!.id)).bytes]).toEqual([55]);
    await expect(recent.read('0123456789abcdef')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
