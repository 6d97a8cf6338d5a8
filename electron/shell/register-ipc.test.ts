import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../shared/contract/names.ts';
import type { Handlers } from '../ipc/dispatch.ts';
import { setLogSink } from '../log/log.ts';
import { registerIpc } from './register-ipc.ts';

type Invoke = (event: unknown, input: unknown) => Promise<unknown>;

function setup() {
  const registered = new Map<string, Invoke>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Invoke) => void registered.set(channel, listener)),
    removeHandler: vi.fn((channel: string) => void registered.delete(channel)),
  };
  const handlers = {
    getAppInfo: vi.fn(async () => ({ version: '1.2.3', platform: 'linux', shell: 'electron' as const })),
  } as unknown as Handlers;
  const unregister = registerIpc(ipcMain as never, handlers);
  return { registered, handlers, unregister };
}

const topFrame = (url: string) => ({ senderFrame: { url, parent: null } });

describe('registerIpc', () => {
  it('registers exactly one prefixed handler per channel', () => {
    const { registered } = setup();
    expect([...registered.keys()].sort()).toEqual(channelNames.map((n) => `infill:${n}`).sort());
  });

  it('dispatches requests from the app window', async () => {
    const { registered } = setup();
    const result = await registered.get('infill:getAppInfo')?.(topFrame('app://infill/index.html'), {});
    expect(result).toEqual({ ok: true, data: { version: '1.2.3', platform: 'linux', shell: 'electron' } });
  });

  it('validates input through dispatch', async () => {
    const { registered } = setup();
    const result = (await registered.get('infill:getAppInfo')?.(topFrame('app://infill/'), { extra: 1 })) as {
      ok: boolean;
      error: { code: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('INVALID_INPUT');
  });

  it('refuses subframes, foreign origins and vanished frames with FORBIDDEN', async () => {
    const { registered, handlers } = setup();
    const invoke = registered.get('infill:getAppInfo');
    const events = [
      { senderFrame: { url: 'app://infill/index.html', parent: { url: 'app://infill/' } } },
      topFrame('https://evil.example/'),
      topFrame('file:///tmp/x.html'),
      { senderFrame: null },
    ];
    for (const event of events) {
      expect(await invoke?.(event, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(handlers.getAppInfo).not.toHaveBeenCalled();
  });

  it('logs each refused sender with its channel and frame, never the query string', async () => {
    const lines: string[] = [];
    setLogSink((level, scope, text) => lines.push(`${level} ${scope} ${text}`));
    try {
      const { registered } = setup();
      await registered.get('infill:getAppInfo')?.({ senderFrame: { url: 'https://evil.example/page?secret=1', parent: {} } }, {});
      await registered.get('infill:getAppInfo')?.({ senderFrame: null }, {});
      expect(lines).toEqual([
        'warn ipc refused a sender channel=getAppInfo frame="a subframe at https://evil.example/page"',
        'warn ipc refused a sender channel=getAppInfo frame="a destroyed frame"',
      ]);
    } finally {
      setLogSink(undefined);
    }
  });

  it('unregisters every channel', () => {
    const { registered, unregister } = setup();
    unregister();
    expect(registered.size).toBe(0);
  });
});
