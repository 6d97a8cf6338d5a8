import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, eventNames } from '../shared/contract/names.ts';

const exposed: Record<string, unknown> = {};
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();

const ipcRenderer = {
  invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, data: { channel, input } })),
  on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)?.add(listener);
  }),
  removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
    listeners.get(channel)?.delete(listener);
  }),
};

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void (exposed[key] = api) },
  ipcRenderer,
}));

type Api = Record<string, (...args: unknown[]) => unknown>;
let api: Api;

beforeAll(async () => {
  await import('./preload.ts');
  api = exposed.infill as Api;
});

describe('preload', () => {
  it('exposes exactly one method per channel and one onX per event, nothing else', () => {
    const expected = [...channelNames, ...eventNames.map((e) => `on${e[0]?.toUpperCase()}${e.slice(1)}`)];
    expect(Object.keys(exposed)).toEqual(['infill']);
    expect(Object.keys(api).sort()).toEqual(expected.sort());
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it('invokes the channel’s own infill: IPC channel with the input', async () => {
    const result = await api.importImage?.({ name: 'a.png', bytes: new Uint8Array([1, 2]) });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('infill:importImage', { name: 'a.png', bytes: new Uint8Array([1, 2]) });
    expect(result).toMatchObject({ ok: true });
  });

  it('strips the Electron event from push events and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = api.onJobProgress?.(listener) as () => void;
    const sender = { secret: 'ipc sender' };
    for (const forward of listeners.get('infill:jobProgress') ?? []) forward({ sender }, { jobId: 'job-1', progress: 0.5 });
    expect(listener).toHaveBeenCalledWith({ jobId: 'job-1', progress: 0.5 });
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(listeners.get('infill:jobProgress')?.size).toBe(0);
  });

  it('rejects a non-function listener', () => {
    expect(() => api.onMenuAction?.('nope')).toThrow(TypeError);
  });
});
