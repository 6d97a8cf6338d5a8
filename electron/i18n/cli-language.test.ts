import { describe, expect, it } from 'vitest';
import { InfillError } from '../../shared/errors.ts';
import { cliErrorText, cliLanguage } from './cli-language.ts';
import { createTranslator } from './translator.ts';

describe('the CLI language', () => {
  it('reads LC_ALL, then LC_MESSAGES, then LANG, as git does', () => {
    expect(cliLanguage({ LANG: 'vi_VN.UTF-8' })).toBe('vi');
    expect(cliLanguage({ LC_MESSAGES: 'de_DE.UTF-8', LANG: 'vi_VN.UTF-8' })).toBe('de');
    expect(cliLanguage({ LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'de_DE.UTF-8', LANG: 'vi_VN.UTF-8' })).toBe('en');
    // The first one set wins even when Infill does not speak it: French falls back to English, not German.
    expect(cliLanguage({ LC_ALL: 'fr_FR.UTF-8', LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(cliLanguage({ LC_ALL: '', LANG: 'de_AT.UTF-8' })).toBe('de');
    expect(cliLanguage({ LANG: 'C.UTF-8' })).toBe('en');
    expect(cliLanguage({})).toBe('en');
  });

  it('words main errors in that language, with their params', () => {
    const error = new InfillError('CORRUPT_IMAGE', '“a.jpg” is damaged or incomplete and cannot be opened (VipsJpeg: premature end).', { name: 'a.jpg', reason: 'VipsJpeg: premature end' });
    expect(cliErrorText(createTranslator('de'), error, 'de')).toBe('„a.jpg“ ist beschädigt oder unvollständig und kann nicht geöffnet werden (VipsJpeg: premature end).');
    expect(cliErrorText(createTranslator('vi'), error, 'vi')).toContain('“a.jpg” bị hỏng');
    expect(cliErrorText(createTranslator('en'), error, 'en')).toBe(error.message);
    expect(cliErrorText(createTranslator('de'), new Error('--mask is required'), 'de')).toBe('--mask is required');
  });
});
