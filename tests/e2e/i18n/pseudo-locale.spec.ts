import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { openPhoto, paintStroke, photos, waitForImageOnScreen } from '../support/canvas.ts';
import { expect, test } from '../support/fixtures.ts';

/**
 * The pseudo-locale (renderer/i18n/pseudo.ts) wraps every catalogue text in ⟦ ⟧, accented and
 * about 40 % longer. A visible text, name, tooltip or placeholder without the brackets did not
 * come from a catalogue; an element whose text is wider than its box is cut off.
 */

/** Text that is data or a symbol, not a sentence to translate. */
const notWords = [
  /^[\s\d.,:%×+\-–—()/·✕✓↑↓…]*$/, // numbers, sizes, arrows, close crosses
  /^[\w-]+\.(jpg|png)$/i, // file names
  /^(English|Tiếng Việt|Deutsch)$/, // each language is named in itself
  /^(Ctrl|⌘|Shift|Alt|Enter|[A-Z0-9[\]=,?+-])(\+(Shift|Alt|Enter|[A-Z0-9[\]=,?+-]|\+))*$/, // keys
  /^PNG|JPEG|WebP$/, // format names
  /^https?:\/\/\S+$/, // an example URL
  /^[A-Z]{3}( — .+)?$/, // a currency, named by Intl in the interface language
];

interface Finding {
  what: string;
  text: string;
}

async function untranslatedAndClipped(scope: Locator): Promise<{ untranslated: Finding[]; clipped: Finding[] }> {
  return scope.evaluate(
    (root, patterns) => {
      const allowed = patterns.map((p) => new RegExp(p.source, p.flags));
      const isWords = (text: string) => text.trim() !== '' && !text.includes('⟦') && !allowed.some((re) => re.test(text.trim()));
      const visible = (el: Element) => {
        const style = getComputedStyle(el);
        return el.getClientRects().length > 0 && style.visibility !== 'hidden' && style.display !== 'none';
      };
      const untranslated: Array<{ what: string; text: string }> = [];
      const clipped: Array<{ what: string; text: string }> = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !visible(parent) || parent.closest('option, script, style, datalist')) continue;
        if (isWords(node.textContent ?? '')) untranslated.push({ what: parent.tagName.toLowerCase(), text: node.textContent!.trim() });
      }
      for (const el of [root, ...root.querySelectorAll('*')]) {
        if (!visible(el)) continue;
        for (const name of ['aria-label', 'title', 'placeholder']) {
          const value = el.getAttribute(name);
          if (value && isWords(value)) untranslated.push({ what: `${el.tagName.toLowerCase()}[${name}]`, text: value });
        }
        if (el instanceof HTMLSelectElement) {
          const chosen = el.selectedOptions[0]?.textContent ?? '';
          if (isWords(chosen)) untranslated.push({ what: 'select', text: chosen });
          // A select cuts its chosen option off silently: measure the text in the select's font.
          const style = getComputedStyle(el);
          const context = document.createElement('canvas').getContext('2d')!;
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16; // the arrow
          // A select drawn as a toolbar icon (transparent over it) never shows its chosen text.
          const shown = style.opacity !== '0';
          if (shown && context.measureText(chosen).width > room) clipped.push({ what: 'select', text: chosen });
          continue;
        }
        const ownText = [...el.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim() !== '');
        if (ownText && el instanceof HTMLElement && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline') {
          clipped.push({ what: el.tagName.toLowerCase(), text: el.textContent!.trim().slice(0, 60) });
        }
      }
      return { untranslated, clipped };
    },
    notWords.map((re) => ({ source: re.source, flags: re.flags })),
  );
}

async function expectAllTranslatedAndUnclipped(page: Page, scope: Locator, name: string): Promise<void> {
  await expect(scope).toBeVisible();
  const found = await untranslatedAndClipped(scope);
  expect(found.untranslated, `${name}: text that did not come from a catalogue`).toEqual([]);
  expect(found.clipped, `${name}: text wider than its box`).toEqual([]);
}

test('the pseudo-locale finds no untranslated and no clipped text in the toolbar, the panels and the dialogs', async ({ app: page }, testInfo) => {
  await page.evaluate(() => localStorage.setItem('infill.pseudoLocale', '1'));
  await page.reload();
  await expect(page.locator('body[data-app-ready="true"]')).toBeAttached();
  await expect(page.getByRole('toolbar').first()).toHaveAttribute('aria-label', /^⟦/);

  await openPhoto(page, join(photos, 'coffee.jpg'));
  await waitForImageOnScreen(page);
  await paintStroke(page, [
    [200, 200],
    [260, 230],
  ]);
  await expect(page.locator('[aria-label^="⟦Éšţîɱåţé"]')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('pseudo-main.png') });

  await expectAllTranslatedAndUnclipped(page, page.locator('header.toolbar'), 'toolbar');
  await expectAllTranslatedAndUnclipped(page, page.locator('aside.sidebar'), 'panels');

  const dialogs: Array<[string, string]> = [
    ['Mod+E', 'export-dialog'],
    ['Mod+,', 'settings-dialog'],
    ['?', 'shortcut-sheet'],
  ];
  for (const [key, className] of dialogs) {
    await page.keyboard.press(key.replace('Mod', 'Control'));
    const dialog = page.locator(`dialog.${className}`);
    await expect(dialog).toBeVisible();
    await page.waitForTimeout(300); // lists filled from main
    await page.screenshot({ path: testInfo.outputPath(`pseudo-${className}.png`) });
    await expectAllTranslatedAndUnclipped(page, dialog, className);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }

  // Usage has no shortcut: its button, named in the pseudo-locale.
  await page.locator('button[aria-label^="⟦Ûšåĝé"]').click();
  const usage = page.locator('dialog.usage-dialog');
  await expect(usage.getByRole('table').last()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('pseudo-usage.png') });
  await expectAllTranslatedAndUnclipped(page, usage, 'usage');
});
