import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes, errorContexts } from '../errors.ts';
import { languages, pickLanguage } from './languages.ts';
import { namespaces, resources, type Catalogue } from './resources.ts';

const root = join(import.meta.dirname, '../..');
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Every key of a language as `namespace:key`, plural forms folded into their base key. */
function keysOf(language: (typeof languages)[number]): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const ns of namespaces) {
    for (const [key, text] of flatten(resources[language][ns] ?? {})) {
      const base = `${ns}:${key.replace(pluralSuffix, '')}`;
      keys.set(base, [...(keys.get(base) ?? []), text]);
    }
  }
  return keys;
}

function sourceFiles(dir: string, into: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, into);
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) into.push(path);
  }
  return into;
}

/** Keys are written as whole literals (`t('common:dismiss')`), so a scan of the source finds them all. */
function keysUsedInCode(): Set<string> {
  const literal = new RegExp(`['"\`](${namespaces.join('|')}):([A-Za-z0-9_.]+)['"\`]`, 'g');
  const used = new Set<string>();
  for (const dir of ['renderer', 'electron', 'shared']) {
    for (const file of sourceFiles(join(root, dir))) {
      for (const match of readFileSync(file, 'utf8').matchAll(literal)) used.add(`${match[1]}:${match[2]!.replace(pluralSuffix, '')}`);
    }
  }
  // Errors are worded by their code (`errors:<code>`), which the code never spells out.
  for (const code of errorCodes) used.add(`errors:${code}`);
  // …and by their context (`params.context`), declared once in shared/errors.ts.
  for (const [code, contexts] of Object.entries(errorContexts)) for (const context of contexts) used.add(`errors:${code}_${context}`);
  return used;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('the catalogues', () => {
  const english = keysOf('en');

  it.each(languages.filter((l) => l !== 'en'))('%s has exactly the keys English has', (language) => {
    const keys = keysOf(language);
    expect([...english.keys()].filter((key) => !keys.has(key)), 'missing').toEqual([]);
    expect([...keys.keys()].filter((key) => !english.has(key)), 'extra').toEqual([]);
  });

  it.each(languages.filter((l) => l !== 'en'))('%s uses the same placeholders as English', (language) => {
    const wrong: string[] = [];
    for (const [key, texts] of keysOf(language)) {
      const expected = new Set((english.get(key) ?? []).flatMap(placeholders));
      for (const name of texts.flatMap(placeholders)) if (name !== 'count' && !expected.has(name)) wrong.push(`${key}: {{${name}}}`);
    }
    expect(wrong).toEqual([]);
  });

  it('has every key the code uses, and no key the code no longer uses', () => {
    const used = keysUsedInCode();
    expect([...used].filter((key) => !key.startsWith('errors:') && !english.has(key)), 'used but missing').toEqual([]);
    expect([...english.keys()].filter((key) => !used.has(key)), 'never used').toEqual([]);
  });
});

describe('error wording', () => {
  it.each(languages)('%s words every error code and every context main sets', (language) => {
    const keys = keysOf(language);
    const missing = errorCodes.filter((code) => !keys.has(`errors:${code}`));
    for (const [code, contexts] of Object.entries(errorContexts)) for (const context of contexts) if (!keys.has(`errors:${code}_${context}`)) missing.push(`${code}_${context}` as never);
    expect(missing).toEqual([]);
  });

  it('main sets only declared contexts', () => {
    const declared = new Set(Object.entries(errorContexts).flatMap(([code, contexts]) => contexts.map((context) => `${code}_${context}`)));
    const found: string[] = [];
    for (const file of sourceFiles(join(root, 'electron'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/new InfillError\(\s*'([A-Z_]+)'(?:(?!new InfillError)[\s\S]){0,600}?context: '(\w+)'/g)) found.push(`${match[1]}_${match[2]}`);
    }
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter((key) => !declared.has(key))).toEqual([]);
  });
});

describe('pickLanguage', () => {
  it('takes the first supported primary subtag', () => {
    expect(pickLanguage(['fr-FR', 'vi-VN', 'en'])).toBe('vi');
    expect(pickLanguage(['de_AT.UTF-8'])).toBe('de');
    expect(pickLanguage(['C.UTF-8', undefined])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });
});
