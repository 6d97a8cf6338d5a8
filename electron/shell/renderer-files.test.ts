import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveRendererFile } from './renderer-files.ts';

const root = resolve('/srv/out/renderer');

describe('resolveRendererFile', () => {
  it('maps / and directories to index.html', () => {
    expect(resolveRendererFile(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, '')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, '/assets/')).toBe(join(root, 'assets', 'index.html'));
  });

  it('maps plain and percent-encoded paths inside the directory', () => {
    expect(resolveRendererFile(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveRendererFile(root, '/a%20b.png')).toBe(join(root, 'a b.png'));
  });

  it('refuses traversal, NUL bytes and malformed escapes', () => {
    expect(resolveRendererFile(root, '/../secret')).toBeNull();
    expect(resolveRendererFile(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveRendererFile(root, '/assets/..%2f..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveRendererFile(root, '/..')).toBeNull();
    expect(resolveRendererFile(root, '/index.html%00.png')).toBeNull();
    expect(resolveRendererFile(root, '/%E0%A4%A')).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it('knows the types a Vite build emits', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a/b.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('x.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('x.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});
