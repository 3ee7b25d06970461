/**
 * Accessibility: the keyboard reaches and works everything, a screen reader hears a short
 * summary of each run in the page's language, axe finds nothing on any page in either theme
 * (with a snippet's output on screen), motion can be turned off, and colour is never the
 * only way a value is told.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { builtPages } from '../scripts/dist.mjs';
import { PLAYGROUND, editorText, setCode, settled, snippet } from './helpers';

/** Every page of the build, as served: /, /en/, /fr/state/, the 404 pages... */
const PAGES = builtPages().map((page) => page.path);

/** What has keyboard focus, described for messages. */
function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? '';
    return `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${name}"`;
  });
}

/** Whether the focused element shows it: an outline (on it, or on the editor around it) or a ring. */
function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const shown = (e: Element) => {
      const s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow !== 'none' && s.boxShadow !== '');
    };
    const editor = el.closest('.cm-editor');
    return shown(el) || (editor !== null && shown(editor));
  });
}

test.describe('keyboard only', () => {
  test('Tab reaches every control in order, each with a visible focus, and the editor never traps it', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(PLAYGROUND.en);
    // With a run's output on screen (tables that scroll, foldable values) and the static code
    // of the other snippets, which becomes an editor when focus reaches it.
    const first = snippet(page);
    await first.locator('[data-action="run"]').click();
    expect(await settled(first)).toBe('done');
    await page.mouse.click(1, 1);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Every control a pointer could use (visible, not disabled), in document order.
    const controls = await page.evaluate(() => {
      const all = document.querySelectorAll<HTMLElement>(
        'a[href], button, select, input, summary, [tabindex]:not([tabindex="-1"]), pre[tabindex]',
      );
      return (
        [...all]
          // checkVisibility: not inside a closed <details> either (its content is there, but not rendered).
          .filter((el) => el.checkVisibility({ visibilityProperty: true }) && !(el as HTMLButtonElement).disabled)
          .map((el, i) => {
            el.dataset.a11yId = String(i);
            return i;
          }).length
      );
    });
    expect(controls).toBeGreaterThan(30);
    const reached = new Set<string>();
    const invisible: string[] = [];
    let escapes = 0;
    const inEditor = () => page.evaluate(() => !!document.activeElement?.matches('.cm-content'));
    for (let press = 0; press < 400; press++) {
      if (await inEditor()) {
        // Tab would indent: Escape, then Tab moves on (what the hint beside each editor says).
        if (!(await focusIsVisible(page))) invisible.push(await describeFocus(page));
        await page.keyboard.press('Escape');
        escapes++;
      }
      await page.keyboard.press('Tab');
      const here = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return { id: null, code: false };
        return { id: el.dataset.a11yId ?? null, code: el.matches('[data-code] pre') };
      });
      if (here.id === null) {
        if (reached.size > 0 && (await page.evaluate(() => document.activeElement === document.body))) break;
        continue;
      }
      if (!(await focusIsVisible(page))) invisible.push(await describeFocus(page));
      if (reached.has(here.id)) break; // wrapped around
      reached.add(here.id);
      // Focus in a snippet's code brings its editor, which takes the focus in place.
      if (here.code) await expect.poll(inEditor).toBe(true);
    }
    const missed = await page.evaluate(
      (ids) =>
        [...document.querySelectorAll<HTMLElement>('[data-a11y-id]')]
          .filter((el) => !ids.includes(el.dataset.a11yId!) && el.checkVisibility({ visibilityProperty: true }))
          .map((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`),
      [...reached],
    );
    expect(missed, 'controls Tab never reached').toEqual([]);
    expect(invisible, 'focus not visible on').toEqual([]);
    expect(escapes, 'every snippet editor was entered and left').toBeGreaterThanOrEqual(await page.locator('[data-snippet]').count());
    expect(await first.locator('[data-output] [data-a11y-id]').count(), 'the output has controls too').toBeGreaterThan(0);
  });

  test('run, stop and leave the editor with keys alone', async ({ page }) => {
    await page.goto(PLAYGROUND.fr);
    const root = snippet(page);
    const run = root.getByRole('button', { name: 'Exécuter', exact: true });
    const stop = root.getByRole('button', { name: 'Arrêter', exact: true });
    const editor = root.locator('.cm-content');
    const focused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement).catch(() => false);
    // From the top of the page to the first snippet's Run button.
    for (let i = 0; i < 80 && !(await focused(run)); i++) await page.keyboard.press('Tab');
    await expect(run).toBeFocused();
    // On past the toolbar into the code, which becomes the editor and keeps the focus.
    for (let i = 0; i < 10 && !(await page.evaluate(() => !!document.activeElement?.closest('[data-code]'))); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(editor).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('while (true) {}');
    // Tab indents inside the editor (Shift+Tab takes it back)...
    await page.keyboard.press('Tab');
    await expect.poll(() => editorText(root)).toBe('  while (true) {}');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => editorText(root)).toBe('while (true) {}');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(root).toHaveAttribute('data-state', 'running');
    // ...Escape, then Shift+Tab goes back to the toolbar, where Stop is.
    await page.keyboard.press('Escape');
    for (let i = 0; i < 8 && !(await focused(stop)); i++) await page.keyboard.press('Shift+Tab');
    await expect(stop).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(root).toHaveAttribute('data-state', 'stopped');
    // Run is just before Stop; Space works as well as Enter.
    await page.keyboard.press('Shift+Tab');
    await expect(run).toBeFocused();
    await page.keyboard.press('Space');
    await expect(root).toHaveAttribute('data-state', 'running');
    await page.keyboard.press('Tab');
    await expect(stop).toBeFocused();
    await page.keyboard.press('Space');
    await expect(root).toHaveAttribute('data-state', 'stopped');
    // Escape then Tab leaves the editor forwards.
    for (let i = 0; i < 10 && !(await focused(editor)); i++) await page.keyboard.press('Tab');
    await expect(editor).toBeFocused();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect(editor).not.toBeFocused();
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
  });
});

test.describe('screen readers', () => {
  test('a run is announced as a short summary, in the page language; the values are there to explore', async ({ page }) => {
    for (const lang of ['en', 'fr'] as const) {
      await page.goto(PLAYGROUND[lang]);
      const root = snippet(page);
      const names =
        lang === 'en' ? ['Run', 'Stop', 'Reset', 'Copy', 'Share'] : ['Exécuter', 'Arrêter', 'Réinitialiser', 'Copier', 'Partager'];
      for (const name of names) await expect(root.getByRole('button', { name, exact: true })).toBeVisible();
      await expect(root.getByRole('group', { name: lang === 'en' ? 'Snippet controls' : 'Commandes de l’extrait' })).toBeVisible();

      await setCode(root, 'show(tf.randomUniform([1000, 1000]), "big");\nconsole.log("hello");');
      await root.getByRole('button', { name: names[0], exact: true }).click();
      expect(await settled(root)).toBe('done');

      // The live region: polite, not atomic; the summary is its only announced part.
      const region = root.locator('[data-output]');
      await expect(region).toHaveAttribute('aria-live', 'polite');
      expect(await region.getAttribute('aria-atomic')).not.toBe('true');
      await expect(root.locator('[data-output-items]')).toHaveAttribute('aria-live', 'off');
      const summary = root.locator('[data-output] > [data-output-summary]');
      const expected =
        lang === 'en'
          ? '1 result: big: Tensor float32, shape 1000×1000. Console: hello. 1 tensor still allocated after the run.'
          : '1 résultat\u00a0: big\u00a0: Tenseur float32, forme 1000×1000. Console\u00a0: hello. 1 tenseur encore alloué après l’exécution.';
      await expect(summary).toHaveText(expected);
      // Visually hidden, and no wall of numbers.
      expect(await summary.evaluate((el) => el.getBoundingClientRect().width <= 1)).toBe(true);
      // The state is its own status message.
      await expect(root.getByRole('status').filter({ hasText: lang === 'en' ? 'Done' : 'Terminé' })).toHaveCount(1);
      // The details are in the page for whoever explores them.
      expect(await root.locator('[data-tensor] td[data-value]').count()).toBeGreaterThanOrEqual(12);
    }
  });

  test('errors and stops are announced in a sentence too', async ({ page }) => {
    await page.goto(PLAYGROUND.en);
    const root = snippet(page);
    await setCode(root, 'const x = 1;\nx();');
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await settled(root)).toBe('error');
    await expect(root.locator('[data-output-summary]')).toHaveText(/^Error: TypeError, x is not a function, line 2\.$/);
    await root.evaluate((el) => el.setAttribute('data-timeout', '1000'));
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText('while (true) {}');
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await settled(root)).toBe('stopped');
    await expect(root.locator('[data-output-summary]')).toHaveText(
      /^Stopped after 1\ss: the time limit of this snippet\. Is there an endless loop\?$/,
    );
  });
});

/** Runs the first snippet of the page (if any) so its output is part of the scan. */
async function runFirstSnippet(page: Page): Promise<void> {
  const root = page.locator('[data-snippet]').first();
  if ((await root.count()) === 0) return;
  await root.scrollIntoViewIfNeeded();
  await root.locator('[data-action="run"]').click();
  await settled(root);
  // Wait until the output is painted (the summary is set last).
  await expect(root.locator('[data-output-summary]')).not.toBeEmpty();
}

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} :: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)}`),
  );
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`axe, ${theme} theme`, () => {
    test.use({ colorScheme: theme });
    for (const path of PAGES) {
      test(`${path} has no violation, with a snippet's output shown`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator('h1').first()).toBeVisible();
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toContain(theme);
        await runFirstSnippet(page);
        expect(await axe(page)).toEqual([]);
      });
    }
  });
}

test('axe: the theme chosen with the toggle (not the system), search open, a model, a fit and an error on screen', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/fr/playground/');
  await page.locator('[data-theme-toggle]').click();
  const roots = page.locator('[data-snippet]');
  for (let i = 0; i < (await roots.count()); i++) {
    const root = roots.nth(i);
    await root.scrollIntoViewIfNeeded();
    await root.locator('[data-action="run"]').click();
    await settled(root);
  }
  await expect(page.locator('[data-fit-progress]').first()).toBeVisible();
  // Open every collapsed part so its contents are scanned too.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  expect(await axe(page)).toEqual([]);
  await page.keyboard.press('/');
  await page.keyboard.type('couche');
  await expect(page.locator('.search__option').first()).toBeVisible();
  expect(await axe(page)).toEqual([]);
  // Widened to both languages: English results, marked as such (a word only the English pages use).
  await page.locator('[data-search-scope]').check();
  await page.locator('dialog[data-search] input[role="combobox"]').fill('whatever');
  await expect(page.locator('.search__option[hreflang="en"]').first()).toBeVisible();
  expect(await axe(page)).toEqual([]);
});

test.describe('motion and colour', () => {
  test('prefers-reduced-motion: no smooth scrolling, no transition, no animation', async ({ browser }) => {
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const context = await browser.newContext({ reducedMotion });
      const page = await context.newPage();
      // A page with static code blocks (copy buttons) and a snippet whose output marks changes.
      await page.goto('/en/trainable-weights/');
      const root = page.locator('[data-snippet]').first();
      await root.locator('[data-action="run"]').click();
      await settled(root);
      const moving = await page.evaluate(() =>
        [...document.querySelectorAll('*')]
          .filter((el) => {
            const s = getComputedStyle(el);
            const secs = (v: string) => Math.max(...v.split(',').map((t) => parseFloat(t) || 0));
            return secs(s.transitionDuration) > 0 || (s.animationName !== 'none' && secs(s.animationDuration) > 0);
          })
          .map((el) => el.tagName.toLowerCase() + '.' + String((el as HTMLElement).className).split(' ')[0]),
      );
      const scroll = await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
      if (reducedMotion === 'reduce') {
        expect(moving).toEqual([]);
        expect(scroll).toBe('auto');
      } else {
        // The check above means something: motion exists when it is welcome.
        expect(scroll).toBe('smooth');
        expect(moving.length).toBeGreaterThan(0);
      }
      await context.close();
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`the colour scale is readable in the ${theme} theme and never the only signal`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: theme });
      const page = await context.newPage();
      await page.goto(PLAYGROUND.en);
      const root = snippet(page);
      await setCode(root, 'show(tf.tensor2d([[-4, -2, -1, 0], [1, 2, 3, 4]]), "scale");');
      await page.keyboard.press('ControlOrMeta+Enter');
      expect(await settled(root)).toBe('done');
      const cells = root.locator('[data-tensor] td[data-value]');
      // Every value is printed, sign included: the colour only repeats it.
      await expect(cells).toHaveText(['-4', '-2', '-1', '0', '1', '2', '3', '4']);
      await expect(root.locator('[data-tensor] .out-range')).toHaveText('min -4, max 4');
      const looks = await cells.evaluateAll((tds) =>
        tds.map((td) => {
          // The colour painted behind the text: the first ancestor-or-self with a background.
          let bg = 'rgba(0, 0, 0, 0)';
          for (let el: Element | null = td; el && /^rgba\(0, 0, 0, 0\)$|^transparent$/.test(bg); el = el.parentElement) {
            bg = getComputedStyle(el).backgroundColor;
          }
          return { heat: td.getAttribute('data-heat'), bg, fg: getComputedStyle(td).color };
        }),
      );
      const ratio = (a: string, b: string) => {
        const lum = (c: string) => {
          // rgb(0-255) or, from color-mix(), color(srgb 0-1).
          const scale = c.startsWith('color(') ? 1 : 255;
          const [r, g, bl] = (c.match(/[\d.]+/g) ?? [])
            .slice(0, 3)
            .map(Number)
            .map((v) => {
              const x = v / scale;
              return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
            });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
        };
        const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
        return (hi! + 0.05) / (lo! + 0.05);
      };
      for (const cell of looks) expect(ratio(cell.fg, cell.bg), JSON.stringify(cell)).toBeGreaterThanOrEqual(4.5);
      // Negative and positive ends have different hues; the strongest differ from the weakest.
      const byHeat = new Map(looks.map((c) => [c.heat, c.bg]));
      expect(byHeat.get('-4')).not.toBe(byHeat.get('4'));
      expect(byHeat.get('4')).not.toBe(byHeat.get('1'));
      await context.close();
    });
  }
});
