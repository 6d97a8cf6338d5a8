import { describe, expect, it } from 'vitest';
import { pseudoCatalogue, pseudoText } from './pseudo.ts';

describe('pseudo-locale', () => {
  it('accents letters, keeps placeholders and makes the text about 40 % longer', () => {
    const text = pseudoText('Delete {{name}}');
    expect(text).toMatch(/^⟦Ðéļéţé \{\{name\}\}·+⟧$/);
    expect(text.length).toBeGreaterThanOrEqual(Math.round('Delete {{name}}'.length * 1.3));
  });

  it('transforms nested catalogues and plural forms alike', () => {
    expect(pseudoCatalogue({ a: { b_one: 'one', b_other: 'many' } })).toEqual({ a: { b_one: '⟦öñé··⟧', b_other: '⟦ɱåñý··⟧' } });
  });
});
