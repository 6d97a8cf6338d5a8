import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpBridgeApi } from '../../renderer/platform/http-bridge.ts';
import { startBridge, type Bridge } from './bridge-server.ts';
import { ASSET_ID, fakeHandlers, makeRendererDir } from './test-support.ts';

/** The renderer's HTTP client against the real bridge: the two must agree on the wire. */
let bridge: Bridge | undefined;
afterEach(() => bridge?.close());

async function connect() {
  bridge = await startBridge({ handlers: fakeHandlers(), rendererDir: makeRendererDir() });
  return createHttpBridgeApi({ baseUrl: bridge.origin, headers: { Authorization: `Bearer ${bridge.token}` } });
}

describe('HTTP client ↔ bridge', () => {
  it('calls channels with bytes both ways', async () => {
    const api = await connect();
    expect(await api.getAppInfo({})).toEqual({ ok: true, data: { version: '9.9.9', platform: 'test', shell: 'browser' } });
    const imported = await api.importImage({ name: 'a.png', bytes: new Uint8Array(300).fill(4) });
    expect(imported).toEqual({ ok: true, data: { name: 'a.png', asset: { assetId: ASSET_ID, width: 300, height: 5, mime: 'image/png' } } });
    const read = await api.readAsset({ assetId: ASSET_ID });
    expect(read.ok && read.data.bytes).toEqual(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(await api.readAsset({ assetId: 'nope' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('receives push events', async () => {
    const api = await connect();
    const listener = vi.fn();
    const stop = api.onMenuAction(listener);
    // The subscription connects asynchronously; emit until it is there.
    await vi.waitFor(() => {
      bridge?.emit('menuAction', { actionId: 'zoomFit' });
      expect(listener).toHaveBeenCalledWith({ actionId: 'zoomFit' });
    });
    stop();
  });

  it('is refused without the token, and reports a stopped bridge as a lost connection', async () => {
    await connect();
    const origin = bridge?.origin ?? '';
    const anonymous = createHttpBridgeApi({ baseUrl: origin });
    expect(await anonymous.getAppInfo({})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await bridge?.close();
    bridge = undefined;
    const result = await anonymous.getAppInfo({});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!result.ok && result.error.message).toContain('Lost the connection');
  });
});
