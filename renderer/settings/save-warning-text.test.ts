import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import { saveWarningText } from './save-warning-text.ts';

describe('profile save warnings', () => {
  it('are worded in the interface language from what main reports', () => {
    const removed = { kind: 'keyRemovedHostChanged', from: 'https://a.example', to: 'https://b.example' } as const;
    expect(saveWarningText(i18n.getFixedT('en'), removed)).toBe('The key was removed because the host changed from https://a.example; enter the key for https://b.example.');
    expect(saveWarningText(i18n.getFixedT('de'), removed)).toContain('Der Schlüssel wurde entfernt');
    expect(saveWarningText(i18n.getFixedT('vi'), { kind: 'noVersion', suggestion: 'https://relay.example/v1' })).toContain('Dùng https://relay.example/v1');
  });
});
