/**
 * The network policy with a real browser and a real web server on 127.0.0.1 that counts
 * what it is asked: PDF export and the rendered checks make no request unless remote loading
 * is allowed; allowed, each request has a time limit; what was not loaded is placed on the
 * deck's line and slide.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/core/config/json-schema';
import { resolveConfig } from '../../src/core/config/schema';
import { parseDeck } from '../../src/core/deck/parse';
import { launchBrowser, type PdfBrowser } from '../../src/core/export/browser';
import { leftOutRequests } from '../../src/core/export/left-out';
import type { RefusedRequest } from '../../src/core/export/network';
import { exportPdf } from '../../src/core/export/pdf';
import { renderedProblems } from '../../src/core/render-check/check';
import { allRules } from '../../src/core/rules';
import { remoteDeck, startCountingServer, type CountingServer } from '../helpers/counting-server';

let browser: PdfBrowser;
let server: CountingServer;
let work: string;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startCountingServer()]);
  work = mkdtempSync(join(tmpdir(), 'isdeck-network-'));
});

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
  rmSync(work, { recursive: true, force: true });
});

function deckFile(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

describe('PDF export', () => {
  it('makes no request by default, and says what it left out, where', async () => {
    server.hits.length = 0;
    const text = remoteDeck(server.origin);
    const deckPath = deckFile('blocked.md', text);
    const result = await exportPdf({ browser, deckPath, outPath: join(work, 'blocked.pdf') });
    expect(server.hits).toEqual([]);
    const o = server.origin;
    expect(result.refused.map((request) => request.url).sort()).toEqual(
      [`${o}/background.png`, `${o}/import.css`, `${o}/picture.png`, `${o}/style-directive.png`].sort(),
    );
    expect(result.refused.every((request) => request.outcome === 'blocked')).toBe(true);
    const placed = leftOutRequests(parseDeck(text, deckPath), result.refused, { allowRemote: false });
    expect(placed.map((item) => [item.line, item.slide, item.message.split(' was ')[0]]).sort()).toEqual(
      [
        [5, 1, `The resource \`${o}/style-directive.png\``],
        [9, 1, `The resource \`${o}/import.css\``],
        [14, 1, `The resource \`${o}/picture.png\``],
        [18, 2, `The resource \`${o}/background.png\``],
      ].sort(),
    );
    expect(placed[0]!.message).toContain('isdeck makes no network request unless asked (`--allow-remote`, or `allowRemote: true` in the configuration)');
  });

  it('loads what the deck names when remote loading is allowed, on a page whose earlier deck was refused them', async () => {
    server.hits.length = 0;
    const deckPath = deckFile('allowed.md', remoteDeck(server.origin));
    const result = await exportPdf({ browser, deckPath, outPath: join(work, 'allowed.pdf'), network: { allowRemote: true } });
    expect(result.refused).toEqual([]);
    expect([...server.hits].sort()).toEqual(['/background.png', '/import.css', '/picture.png', '/style-directive.png']);
  });

  it('gives up on a server that never answers after the request time limit, and writes the PDF', async () => {
    server.hits.length = 0;
    const deckPath = deckFile('hang.md', remoteDeck(server.origin, 'hang.png'));
    const started = performance.now();
    const result = await exportPdf({ browser, deckPath, outPath: join(work, 'hang.pdf'), network: { allowRemote: true, requestTimeoutMs: 1_000 } });
    const seconds = (performance.now() - started) / 1000;
    expect(server.hits).toContain('/hang.png');
    expect(result.refused).toEqual([{ url: `${server.origin}/hang.png`, outcome: 'timed-out' }]);
    expect(result.pdf.pages).toBe(2);
    // The page's own load limit is 60 s; the request's is 1 s here.
    expect(seconds).toBeLessThan(30);
    const [item] = leftOutRequests(parseDeck(remoteDeck(server.origin, 'hang.png'), deckPath), result.refused, { allowRemote: true, requestTimeoutMs: 1_000 });
    expect(item).toMatchObject({ line: 14, slide: 1, message: `The resource \`${server.origin}/hang.png\` did not answer within 1 s, and was left out.` });
  });
});

describe('rendered checks (lint --render)', () => {
  it('make no request by default and report the refused ones; allowed, they load', async () => {
    const config = resolveConfig(allRules, [{}]);
    const deck = parseDeck(remoteDeck(server.origin), join(work, 'render.md'));
    for (const allowRemote of [false, true]) {
      server.hits.length = 0;
      const refused: RefusedRequest[] = [];
      await renderedProblems(deck, { browser, config, deckPath: join(work, 'render.md'), network: { allowRemote }, onRefused: (requests) => refused.push(...requests) });
      expect(server.hits.length).toBe(allowRemote ? 4 : 0);
      expect(refused.length).toBe(allowRemote ? 0 : 4);
    }
  });
});

describe('allowRemote in the configuration', () => {
  it('is off unless a file sets it; the nearer file wins; the JSON schema offers it', () => {
    expect(resolveConfig(allRules, [{}]).allowRemote).toBe(false);
    expect(resolveConfig(allRules, [{ allowRemote: true }, {}]).allowRemote).toBe(true);
    expect(resolveConfig(allRules, [{ allowRemote: true }, { allowRemote: false }]).allowRemote).toBe(false);
    const properties = configJsonSchema().properties as Record<string, { type?: string }>;
    expect(properties.allowRemote?.type).toBe('boolean');
  });
});
