import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `infill --help` starts about as fast as Node because the entry point's static imports reach
 * no heavy package: sharp, the gateway SDKs, the engines' worker code, onnxruntime and the log
 * library are loaded by `import()` only when a command needs them. This walks the static import
 * graph from electron/cli/cli.ts (type-only imports do not load anything and are skipped) and
 * fails when a change pulls one of them back in. The CLI bench measures the time itself.
 */

const root = join(import.meta.dirname, '../..');
const heavy = ['sharp', 'openai', '@anthropic-ai/sdk', 'onnxruntime-node', 'electron-log', 'electron', 'fflate', 'ag-psd'];
const staticImport = /(?:^|\n)\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

function staticClosure(entry: string): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(staticImport)) {
      const specifier = (match[1] ?? match[2])!;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else if (!specifier.startsWith('node:')) packages.set(specifier, file.slice(root.length + 1));
    }
  };
  visit(entry);
  return { files, packages };
}

describe('CLI start-up', () => {
  it('the entry point statically loads no heavy package (they are imported when a command runs)', () => {
    const { files, packages } = staticClosure(join(root, 'electron/cli/cli.ts'));
    const loaded = [...packages].filter(([name]) => heavy.some((h) => name === h || name.startsWith(`${h}/`)));
    expect(loaded, `heavy packages reached statically: ${loaded.map(([p, f]) => `${p} (from ${f})`).join(', ')}`).toEqual([]);
    // It stays a handful of small files: the commands themselves are loaded on demand.
    expect([...files].some((file) => file.endsWith('cli-services.ts') || file.endsWith('inpaint.ts'))).toBe(false);
  });
});
