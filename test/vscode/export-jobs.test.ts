/**
 * The export jobs the extension's Export Deck… command runs (src/extension/export-jobs.ts, part
 * of dist/core.js): PPTX, PDF and PNG written from a deck file in one warm browser (kept between
 * exports, closed when idle), cancellation leaving no file and the browser running, and a missing
 * browser reported with the code the extension turns into its "Set Browser Path" message.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRules } from '../../src/core/rules';
import { resolveConfig } from '../../src/core/config/schema';
import { closeWarmBrowser, exportHtmlFile, exportPdfFile, exportPngFiles, exportPptxFile, warmBrowser, WarmBrowser } from '../../src/extension/export-jobs';
import { readPdf } from '../helpers/pdf';
import { browser, BROWSER_PATH, needTools } from '../helpers/tools';
import { remoteDeck, startCountingServer } from '../helpers/counting-server';

const deckPath = join(__dirname, 'fixtures', 'export-deck.md');
const out = mkdtempSync(join(tmpdir(), 'isdeck-export-jobs-'));
const browserPath = BROWSER_PATH;
const chromium = needTools([browser]);

afterAll(async () => {
  await closeWarmBrowser();
  rmSync(out, { recursive: true, force: true });
});

describe('export jobs', () => {
  it('writes a PPTX with every slide', async () => {
    const outPath = join(out, 'deck.pptx');
    const result = await exportPptxFile({ deckPath, outPath });
    expect(result.slideCount).toBe(8);
    expect(readFileSync(outPath).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  describe.skipIf(chromium.skip)('with a browser', () => {
    beforeAll(chromium.assertPresent);

    it('writes a PDF, one page a slide, and with notes its handout, in one browser kept warm', async () => {
      const outPath = join(out, 'deck.pdf');
      const launches = warmBrowser.launches;
      const result = await exportPdfFile({ deckPath, outPath, browserPath });
      expect(result).toMatchObject({ files: [outPath], slideCount: 8 });
      expect((await readPdf(outPath)).pages).toBe(8);
      expect(warmBrowser.isRunning).toBe(true);
      const again = await exportPdfFile({ deckPath, outPath, browserPath }, true);
      expect(again.files).toEqual([outPath, join(out, 'deck.notes.pdf')]);
      expect((await readPdf(join(out, 'deck.notes.pdf'))).pages).toBe(8);
      expect(warmBrowser.launches - launches).toBe(1);
    });

    it('writes PNG pictures of chosen slides in the same browser', async () => {
      const launches = warmBrowser.launches;
      const result = await exportPngFiles({ deckPath, outPath: join(out, 'pictures'), browserPath, slides: [2, 8] });
      expect(result.files).toEqual([join(out, 'pictures', 'export-deck.slide-02.png'), join(out, 'pictures', 'export-deck.slide-08.png')]);
      expect(result.slideCount).toBe(8);
      expect(warmBrowser.launches).toBe(launches);
    });

    it('closes an idle browser, and starts another for the next export', async () => {
      const quick = new WarmBrowser(200);
      const browser = await quick.use(browserPath, undefined, async (pages) => {
        const page = await pages.newPage();
        await pages.release?.(page);
        return page.context();
      });
      expect(quick.isRunning).toBe(true);
      await new Promise<void>((resolve) => browser.on('close', () => resolve()));
      expect(quick.isRunning).toBe(false);
      await quick.use(browserPath, undefined, async () => undefined);
      expect(quick.launches).toBe(2);
      await quick.close();
    });

    it('a cancelled PDF export leaves no file', async () => {
      const outPath = join(out, 'cancelled.pdf');
      const controller = new AbortController();
      const running = exportPdfFile({ deckPath, outPath, browserPath, signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      await expect(running).rejects.toThrow();
      expect(existsSync(outPath)).toBe(false);
      // The job's page was closed, not the browser: the next export finds it running.
      expect(warmBrowser.isRunning).toBe(true);
      expect(readdirSync(out).filter((name) => name.includes('cancelled'))).toEqual([]);
    });

    it('a PDF export fetches nothing unless the configuration allows it, and names what it left out', async () => {
      const server = await startCountingServer();
      try {
        const folder = join(out, 'remote');
        mkdirSync(join(folder, '.git'), { recursive: true });
        const remote = join(folder, 'remote.md');
        writeFileSync(remote, remoteDeck(server.origin));
        const blocked = await exportPdfFile({ deckPath: remote, outPath: join(folder, 'remote.pdf'), browserPath });
        expect(server.hits).toEqual([]);
        expect(blocked.warnings).toContain(
          `line 18: slide 2: The resource \`${server.origin}/background.png\` was not loaded: isdeck makes no network request unless asked (\`--allow-remote\`, or \`allowRemote: true\` in the configuration).`,
        );
        expect(blocked.warnings).toHaveLength(4);
        writeFileSync(join(folder, '.isdeckrc.json'), JSON.stringify({ allowRemote: true }));
        const allowed = await exportPdfFile({ deckPath: remote, outPath: join(folder, 'remote.pdf'), browserPath });
        expect(allowed.warnings).toEqual([]);
        expect(server.hits).toHaveLength(4);
      } finally {
        await server.close();
      }
    });

    it('the drawn checks of the editor’s configuration run on the printed PDF, and are named in its warnings', async () => {
      const folder = join(out, 'drawn');
      mkdirSync(join(folder, '.git'), { recursive: true });
      const tiny = join(folder, 'tiny.md');
      writeFileSync(tiny, `---\nmarp: true\ntheme: improvement-service\n---\n\n## A long line of code\n\n\`\`\`js\nconst total = [${'1, '.repeat(120)}1].length;\n\`\`\`\n`);
      const outPath = join(folder, 'tiny.pdf');
      const checked = await exportPdfFile({ deckPath: tiny, outPath, browserPath, config: resolveConfig(allRules, []) });
      expect(checked.warnings).toEqual([
        "line 6: drawn slides: slide 1: Text is drawn at 4.8 px (“const”) and 198 more below 18 px, under the 18 px minimum: cut the slide's text so it needs no shrinking, or split the slide. [min-font-size]",
      ]);
      const off = await exportPdfFile({ deckPath: tiny, outPath, browserPath, config: resolveConfig(allRules, [{ rules: { 'min-font-size': 'off' } }]) });
      expect(off.warnings).toEqual([]);
    });
  });

  it('raw HTML is drawn when the editor’s configuration turns `html` on, and left out when not', async () => {
    const folder = join(out, 'raw-html');
    mkdirSync(join(folder, '.git'), { recursive: true });
    const rawHtml = join(folder, 'raw-html.md');
    writeFileSync(rawHtml, '---\nmarp: true\ntheme: improvement-service\n---\n\n## Raw HTML\n\nA <b>bold</b> word\n');
    const outPath = join(folder, 'raw-html.html');
    await exportHtmlFile({ deckPath: rawHtml, outPath, config: resolveConfig(allRules, [{ html: true }]) });
    expect(readFileSync(outPath, 'utf8')).toContain('<p>A <b>bold</b> word</p>');
    await exportHtmlFile({ deckPath: rawHtml, outPath, config: resolveConfig(allRules, []) });
    expect(readFileSync(outPath, 'utf8')).toContain('<p>A bold word</p>');
  });

  it('a missing browser is reported with ISDECK_BROWSER_NOT_FOUND and writes nothing', async () => {
    const outPath = join(out, 'no-browser.pdf');
    await expect(exportPdfFile({ deckPath, outPath, browserPath: '/nonexistent/chrome' })).rejects.toMatchObject({ code: 'ISDECK_BROWSER_NOT_FOUND' });
    expect(existsSync(outPath)).toBe(false);
  });

});
