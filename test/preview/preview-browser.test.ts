// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText is the text a reader sees, which is what these checks are about
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOPIC_IDS } from '../../src/core/topics/topic-ids.ts';
import { type PreviewServer, startPreviewServer } from '../../src/preview/start-preview-server.ts';
import { BRIEFINGS_DIR, silentLogger } from '../support/test-core.ts';

const CHROMIUM = process.env.EUJP_TEST_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`preview browser test skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

let temp: string;
let dir: string;
let server: PreviewServer;
let context: BrowserContext;
let page: Page;

describe.skipIf(!hasChromium)('npm run preview in a real browser', () => {
  beforeAll(async () => {
    temp = await mkdtemp(path.join(tmpdir(), 'eujp-preview-'));
    dir = path.join(temp, 'briefings');
    // Edits go to a copy: the real briefings are never touched.
    await cp(BRIEFINGS_DIR, dir, { recursive: true });
    server = await startPreviewServer({ dir, port: 0, logger: silentLogger });
    context = await chromium.launchPersistentContext(path.join(temp, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1400, height: 1000 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    await mkdir(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (temp) await rm(temp, { recursive: true, force: true });
  });

  it('shows a topic in Slack and Discord, in both languages, and follows edits and errors on disk', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.locator('[data-testid="check"]').innerText()).toContain('no problems');
    expect(await page.locator('.topics a').count()).toBe(TOPIC_IDS.length);
    expect(await page.locator('.topics').innerText()).toMatch(/as of \d{4}-\d{2}-\d{2} · \d+ days/);

    await page.click('a[data-topic="quantum"]');
    await page.waitForURL(/topic=quantum/);
    const slack = page.locator('[data-testid="briefing-slack"]');
    const discord = page.locator('[data-testid="briefing-discord"]');
    expect(await slack.locator('.slack-header').first().innerText()).toBe('Quantum technology');
    expect(await discord.locator('.discord-title').first().innerText()).toBe('Quantum technology');
    expect(await slack.locator('.slack-button').count()).toBeGreaterThan(0);
    expect(await discord.locator('.limit').first().innerText()).toMatch(/\/ 6,000 characters/);
    expect(await page.locator('[data-testid="digest-slack"]').innerText()).toContain('Quantum');

    await page.click('a[data-lang="ja"]');
    await page.waitForURL(/lang=ja/);
    expect(await slack.locator('.slack-header').first().innerText()).toMatch(/量子/);
    await slack.screenshot({ path: path.join(ARTIFACTS, 'preview-slack-ja.png') });
    await discord.screenshot({ path: path.join(ARTIFACTS, 'preview-discord-ja.png') });
    await page.click('a[data-lang="en"]');
    await page.waitForURL(/lang=en/);
    await slack.screenshot({ path: path.join(ARTIFACTS, 'preview-slack.png') });
    await discord.screenshot({ path: path.join(ARTIFACTS, 'preview-discord.png') });
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-page.png'), fullPage: true });

    const file = path.join(dir, 'quantum.md');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('title: Quantum technology', 'title: Quantum, edited'));
    await expect
      .poll(() => slack.locator('.slack-header').first().innerText(), { timeout: 15_000 })
      .toBe('Quantum, edited');

    await writeFile(file, original.replace(/^as_of: .*$/m, 'as_of: someday'));
    const check = page.locator('[data-testid="check"]');
    await expect.poll(() => check.innerText(), { timeout: 15_000 }).toContain('quantum.md');
    expect(await check.innerText()).toMatch(/as_of\s+\d+/);
    // The bot keeps the last valid content while the file is broken, and so does the page.
    expect(await slack.locator('.slack-header').first().innerText()).toBe('Quantum, edited');
    await check.screenshot({ path: path.join(ARTIFACTS, 'preview-problem.png') });

    await writeFile(file, original);
    await expect.poll(() => check.innerText(), { timeout: 15_000 }).toContain('no problems');
    expect(await slack.locator('.slack-header').first().innerText()).toBe('Quantum technology');
  }, 90_000);
});
