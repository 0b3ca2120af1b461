/**
 * The pages in a real browser: Debian's headless Chromium, driven by playwright-core, at phone and desktop sizes in
 * light and dark. A member follows a quote's link as Discord shows it, and from the timeline; the quoted passage
 * is the page's target, visibly marked and on screen. axe-core, run in each page, finds no serious or critical
 * accessibility problem, and the browser reports no Content-Security-Policy violation (nothing on the pages needs
 * script or an outside asset). Screenshots go to <tmpdir>/talks-bot-test-output/pages for a person to look at.
 *
 * Without Chromium this is skipped with a loud message, except in CI (CI=true), where it fails: run
 * .ci/ensure-chromium, or set CHROMIUM_PATH.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningWebServer, startWebServer } from '../../../src/delivery/web/web-server.ts';
import { fixedKnowledge } from '../../../src/serving/live-knowledge.ts';
import { createLogger } from '../../../src/logging/logger.ts';
import { contextUrl, TIMELINE_PNG_PATH } from '../../../src/render/html/page-links.ts';
import { renderTimelinePng } from '../../../src/render/timeline-picture/index.ts';
import { answerWhen } from '../../../src/answers/when.ts';
import { renderAnswerMessage } from '../../../src/interactions/quote-replies/render-answer-message.ts';
import { discordPreview } from '../../helpers/discord-preview.ts';
import { bundledKnowledge } from '../../helpers/corpus.ts';
import { ARABIC, HOSTILE_ID, hostileKnowledge } from '../../render/html/hostile-corpus.ts';

const OUTPUT = join(tmpdir(), 'talks-bot-test-output', 'pages');
const QUOTED = 'ap-how-the-hostage-deal-came-about#10';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const SIZES = [
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

/** CHROMIUM_PATH, else the chromium on PATH (Debian's package), else null. */
function findChromium(): string | null {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
    } catch {
      // not this one
    }
  }
  return null;
}

const executablePath = findChromium();
const inCi = process.env.CI === 'true';
if (!executablePath && !inCi) {
  console.warn(
    `\n${'!'.repeat(100)}\n!! SKIPPED: the browser test of the quote pages needs Chromium (apt-get install chromium, or run .ci/ensure-chromium, or set CHROMIUM_PATH).\n${'!'.repeat(100)}\n`,
  );
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's serious and critical violations on the page as it stands. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  // browser-side code as text: the tests are type-checked without the DOM library
  const violations = await page.evaluate<AxeViolation[]>("axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)");
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

interface TargetState {
  id: string;
  classes: string;
  background: string;
  page: string;
  inView: boolean;
}

/** Where the page's target passage is, whether it is marked and on screen. */
const targetState = (page: Page) =>
  page.evaluate<TargetState | null>(`(() => {
    const target = document.querySelector(':target');
    if (!target) return null;
    const box = target.getBoundingClientRect();
    return {
      id: target.id,
      classes: target.className,
      background: getComputedStyle(target).backgroundColor,
      page: getComputedStyle(document.body).backgroundColor,
      inView: box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0,
    };
  })()`);

describe.skipIf(!executablePath && !inCi)('the pages in a real browser (headless Chromium)', () => {
  let browser: Browser;
  let web: RunningWebServer;
  let hostile: RunningWebServer;

  beforeAll(async () => {
    if (!executablePath)
      throw new Error(
        'CI=true but Chromium is missing: run .ci/ensure-chromium (or set CHROMIUM_PATH); the browser test is not skipped in CI',
      );
    mkdirSync(OUTPUT, { recursive: true });
    console.log(`screenshots of the pages: ${OUTPUT}`);
    web = await startWebServer({
      site: { knowledge: fixedKnowledge(bundledKnowledge()), timelinePng: renderTimelinePng },
      logger: createLogger('silent'),
      port: 0,
    });
    hostile = await startWebServer({
      site: { knowledge: fixedKnowledge(hostileKnowledge().knowledge) },
      logger: createLogger('silent'),
      port: 0,
    });
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await hostile?.stop();
  });

  it('shows a source full of markup, quotes, ampersands and Arabic as text: nothing runs, the marked copy reads right', async () => {
    const { name: _name, ...phone } = SIZES[0];
    const context = await browser.newContext({ ...phone, colorScheme: 'dark' });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    try {
      await page.goto(contextUrl(hostile.url, `${HOSTILE_ID}#3`));
      expect(await page.locator('h1').innerText()).toBe('Truce <script>alert("x")</script> & "quotes" <b>bold</b>');
      expect(await page.locator('script, img, b, i, u').count()).toBe(0);
      expect(await page.locator('main a[href^="javascript"]').count()).toBe(0);
      expect(await page.locator(`[id="${HOSTILE_ID}#2"]`).innerText()).toContain(ARABIC);
      expect(await targetState(page)).toMatchObject({ id: `${HOSTILE_ID}#3`, inView: true });
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(OUTPUT, 'hostile-source-phone-dark.png') });
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it.each(SIZES.map((s) => [s.name, s] as const))(
    'a Discord answer, drawn from its JSON as Discord lays it out, %s',
    async (_name, size) => {
      const { name, ...device } = size;
      const context = await browser.newContext({ ...device, colorScheme: 'dark' });
      const page = await context.newPage();
      try {
        const answer = answerWhen(bundledKnowledge(), 'Raanan release');
        const message = renderAnswerMessage(answer, { offset: 0, private: true, publicUrl: 'https://talks.example.org' });
        await page.setContent(discordPreview(message));
        await page.screenshot({ path: join(OUTPUT, `discord-when-raanan-release-${name}.png`), fullPage: true });
        // what a member reads: the quotes, their sources by name, the foot without passage ids
        const text = await page.locator('body').innerText();
        expect(text).toContain(answer.results[0]?.quote.slice(0, 40));
        expect(text).toMatch(/Quotes from \d+ sources?/);
        expect(text).not.toMatch(/#\d+\b/);
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(device.viewport.width);
      } finally {
        await context.close();
      }
    },
    60_000,
  );

  for (const size of SIZES) {
    for (const scheme of SCHEMES) {
      it(`${size.name}, ${scheme}: from /sources and /timeline to a quote in its article, marked and in view; axe finds nothing serious`, async () => {
        const { name: _name, ...device } = size;
        const context = await browser.newContext({ ...device, colorScheme: scheme, reducedMotion: 'reduce' });
        const page = await context.newPage();
        const cspViolations: string[] = [];
        page.on('console', (m) => m.type() === 'error' && /Content.Security.Policy/i.test(m.text()) && cspViolations.push(m.text()));
        const shot = (what: string) => page.screenshot({ path: join(OUTPUT, `${what}-${size.name}-${scheme}.png`) });
        try {
          // every source, with its attribution
          const sources = await page.goto(`${web.url}/sources`);
          expect(sources?.status()).toBe(200);
          expect(await page.locator('main h2 a').count()).toBe(bundledKnowledge().corpus.sources.length);
          expect(await seriousViolations(page)).toEqual([]);
          await shot('sources');
          // the skip link is the first stop for a keyboard, visible when focused
          await page.keyboard.press('Tab');
          expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to content');
          expect(
            await page
              .locator('.skip')
              .boundingBox()
              .then((b) => (b?.y ?? -1) >= 0),
          ).toBe(true);
          await shot('skip-link-focused');

          // an article from the top: its facts, then the text
          await page.locator('main h2 a').first().click();
          await page.waitForURL(/\/sources\/[a-z0-9-]+$/);
          expect(await page.locator('h1').innerText()).toBe(bundledKnowledge().corpus.sources[0]?.title);
          await shot('article');

          // a quote's link as an answer in Discord carries it
          await page.goto(contextUrl(web.url, QUOTED));
          const state = await targetState(page);
          expect(state).toMatchObject({ id: QUOTED, inView: true });
          expect(state?.classes).toContain('quoted');
          expect(state?.background).not.toBe(state?.page);
          expect(await page.locator('.passage.quoted mark').innerText()).toMatch(
            /^The cell to communicate with Hamas was established by Brett McGurk/,
          );
          expect(await seriousViolations(page)).toEqual([]);
          await shot('quote-in-context');

          // the timeline: its picture readable and a link to itself at full size, its statements under month headings
          await page.goto(`${web.url}/timeline`);
          expect(await seriousViolations(page)).toEqual([]);
          await page.evaluate(`document.querySelector('.picture img').decode()`);
          await shot('timeline');
          expect(await page.locator(`.picture a[href="${TIMELINE_PNG_PATH}"]`).count()).toBe(2);
          const picture = await page.evaluate<{ shown: number; natural: number; frame: number; column: number }>(`(() => {
            const img = document.querySelector('.picture img');
            return {
              shown: img.getBoundingClientRect().width,
              natural: img.naturalWidth,
              frame: document.querySelector('.picture').clientWidth,
              column: document.querySelector('main').clientWidth,
            };
          })()`);
          // the picture's labels at no less than 60 % of their size: wider than the text column on a wide screen,
          // in a frame that scrolls sideways on a phone, never wider than the window
          expect(picture.shown / picture.natural).toBeGreaterThanOrEqual(0.6);
          expect(picture.frame).toBeLessThanOrEqual(device.viewport.width);
          if (size.name === 'desktop') expect(picture.shown).toBeGreaterThan(picture.column);
          const headings = await page.locator('main section h2').allInnerTexts();
          expect(headings.length).toBeGreaterThan(1);
          for (const heading of headings)
            expect(heading).toMatch(
              /^(?:(?:January|February|March|April|May|June|July|August|September|October|November|December) )?\d{4}$/,
            );
          expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(device.viewport.width);
          const link = page.locator('ol.timeline li a').nth(3);
          const href = (await link.getAttribute('href')) ?? '';
          await link.click();
          await page.waitForURL((url) => url.hash !== '');
          const passageId = decodeURIComponent(href.split('#')[1] ?? '');
          expect(await targetState(page)).toMatchObject({ id: passageId, inView: true });
          await shot('timeline-quote');

          expect(cspViolations).toEqual([]);
        } finally {
          await context.close();
        }
      }, 120_000);
    }
  }
});
