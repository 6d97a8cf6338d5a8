import type { Catalogue } from '../../shared/i18n/resources.ts';

/**
 * A pseudo-locale for finding what is not translated and what does not fit: every catalogue
 * string accented and about 40 % longer, inside ⟦ ⟧. Text on screen without the brackets did not
 * come from a catalogue; a label cut off at its box will be cut off in German too. Switched on
 * by `localStorage['infill.pseudoLocale'] = '1'` (tests and translators), never by default.
 */
const accents: Record<string, string> = {
  a: 'å', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

/** "Open image" → "⟦Öþéñ îɱåĝé·····⟧"; `{{placeholders}}` and `$t(…)` nesting are kept as they are. */
export function pseudoText(text: string): string {
  const parts = text.split(/(\{\{[^}]*\}\}|\$t\([^)]*\))/);
  const accented = parts.map((part, i) => (i % 2 === 1 ? part : part.replace(/[A-Za-z]/g, (c) => accents[c] ?? c))).join('');
  const letters = text.replace(/\{\{[^}]*\}\}/g, '').length;
  return `${PSEUDO_OPEN}${accented}${'·'.repeat(Math.ceil(letters * 0.4))}${PSEUDO_CLOSE}`;
}

export function pseudoCatalogue(catalogue: Catalogue): Catalogue {
  return Object.fromEntries(Object.entries(catalogue).map(([key, value]) => [key, typeof value === 'string' ? pseudoText(value) : pseudoCatalogue(value)]));
}

export function pseudoLocaleEnabled(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem('infill.pseudoLocale') === '1';
  } catch {
    return false;
  }
}
