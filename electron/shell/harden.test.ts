import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.ts';
import { hardenSession, withContentSecurityPolicy } from './harden-session.ts';
import { guardAllWebContents, hardenWebContents } from './harden-web-contents.ts';

type Listener = (event: { url?: string; preventDefault: () => void }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  const contents = {
    on: vi.fn((name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    }),
    setWindowOpenHandler: vi.fn(),
  };
  const fire = (name: string, url?: string) => {
    const event = { url, preventDefault: vi.fn() };
    listeners.get(name)?.(event);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { contents, fire };
}

describe('hardenWebContents', () => {
  it('denies navigation and redirects away from app://infill', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents as never);
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(fire('will-navigate', 'app://infill/index.html')).toBe(false);
  });

  it('denies window.open and <webview>', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents as never);
    const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as () => unknown;
    expect(handler()).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('guards every web contents the app creates', () => {
    const app = { on: vi.fn() };
    guardAllWebContents(app as never);
    expect(app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
    const { contents } = fakeContents();
    (app.on.mock.calls[0]?.[1] as (e: unknown, c: unknown) => void)({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
  });
});

describe('hardenSession', () => {
  it('refuses every permission but writing to the clipboard, and adds the CSP to responses', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    };
    hardenSession(session as never);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (...args: unknown[]) => void;
    const callback = vi.fn();
    request({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    const write = vi.fn();
    request({}, 'clipboard-sanitized-write', write);
    expect(write).toHaveBeenCalledWith(true);
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (webContents: unknown, permission: string) => boolean;
    expect(check({}, 'clipboard-read')).toBe(false);
    expect(check({}, 'notifications')).toBe(false);
    expect(check({}, 'clipboard-sanitized-write')).toBe(true);
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean;
    expect(device()).toBe(false);

    const onHeaders = session.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      details: unknown,
      cb: (response: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    const headersCallback = vi.fn();
    onHeaders({ url: 'app://infill/index.html', responseHeaders: { 'content-security-policy': ['x'] } }, headersCallback);
    expect(headersCallback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('leaves DevTools pages their own policy', () => {
    const headers = { 'Content-Security-Policy': ['devtools own'] };
    expect(withContentSecurityPolicy('devtools://devtools/bundled/x.html', headers)).toEqual(headers);
    expect(withContentSecurityPolicy('app://infill/', undefined)).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});
