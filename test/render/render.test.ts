import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartDataFromTable, parseChartValue } from '../../src/core/render/house-plugin';
import { niceStep, renderChartSvg, wrapText } from '../../src/core/render/chart-svg';
import { estimateLines, FLOW_FIT, fitLevel } from '../../src/core/render/fit';
import { headingEms, longestLine } from '../../src/core/render/auto-scaling';
import { exportHtml } from '../../src/core/export/html';
import { createHouseMarp } from '../../src/core/render/marp';
import { readFrontMatter, renderDeck, renderStandaloneHtml } from '../../src/core/render/render';
import { findPackageRoot, loadHouseThemeCss } from '../../src/core/render/theme';
import { parseDeck } from '../../src/core/deck/parse';

const TAGLINE = 'efficiency | quality | accountability';

function deck(body: string, front = ''): string {
  return `---\nmarp: true\ntheme: improvement-service\npaginate: true\n${front}---\n\n${body}`;
}

/** The HTML of slide `n` (1-based). */
function slide(html: string, n: number): string {
  const parts = html.split(/<section\b/);
  return `<section${parts[n] ?? ''}`.split('</section>')[0] ?? '';
}

const CHART = deck(`<!-- _class: chart -->

## Will people contribute?

| Country | Belief | Co-production |
|---|---|---|
| Denmark | 79 | 48% |
| United Kingdom | 77 | 56% |
| France | £71 | 51% |

Index of belief in making a difference.
`);

describe('parseChartValue', () => {
  it.each([
    ['79', 79, '', ''],
    ['64%', 64, '', '%'],
    ['£3.5', 3.5, '£', ''],
    ['£1,200', 1200, '£', ''],
    ['-£1,200.50', -1200.5, '£', ''],
    ['£-3', -3, '£', ''],
    ['−12%', -12, '', '%'],
    ['  42  ', 42, '', ''],
    ['0.25', 0.25, '', ''],
    ['-0', 0, '', ''],
    ['1,234,567', 1234567, '', ''],
  ])('reads %j', (text, value, prefix, suffix) => {
    expect(parseChartValue(text)).toEqual({ value, prefix, suffix, text: text.trim() });
  });

  it.each(['', 'n/a', '3bn', '1.2.3', '12 345', '£%', '%', '£', '1,23', '--3', '-£-3', '3-', 'abc 4', '4 apples', '+2', '.5', '£5%', '5 %'])(
    'rejects %j',
    (text) => {
      expect(parseChartValue(text)).toBeUndefined();
    },
  );

  it('keeps the text as written for labels', () => {
    expect(parseChartValue('£1,200')?.text).toBe('£1,200');
  });
});

describe('chartDataFromTable', () => {
  it('makes one series a value column and keeps non-numbers as gaps', () => {
    const data = chartDataFromTable(['Area', 'A', 'B'], [['x', '1', 'n/a'], ['y', '2%', '3']]);
    expect(data?.categories).toEqual(['x', 'y']);
    expect(data?.series.map((s) => s.name)).toEqual(['A', 'B']);
    expect(data?.series[1]?.values[0]).toBeUndefined();
    expect(data?.series[0]?.values[1]?.value).toBe(2);
  });

  it('is undefined without a value column or a number', () => {
    expect(chartDataFromTable(['Only'], [['x']])).toBeUndefined();
    expect(chartDataFromTable(['A', 'B'], [['x', 'yes']])).toBeUndefined();
    expect(chartDataFromTable(['A', 'B'], [])).toBeUndefined();
  });
});

describe('chart plugin', () => {
  const { html } = renderDeck(CHART);

  it('draws an accessible SVG bar chart before the table and keeps the table', () => {
    expect(html).toMatch(/<svg class="is-chart"[^>]*role="img"/);
    expect(html.indexOf('<svg class="is-chart"')).toBeLessThan(html.indexOf('<table>'));
    expect(html).toContain('<table>');
    expect(html).toMatch(/<title id="is-chart-1-title">Will people contribute\?<\/title>/);
    const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(html)?.[1] ?? '';
    expect(desc).toContain('Denmark: Belief 79; Co-production 48%.');
    expect(desc).toContain('France: Belief £71; Co-production 51%.');
  });

  it('draws one bar a numeric cell, with value labels as written', () => {
    expect(html.match(/class="is-chart-bar"/g)).toHaveLength(6);
    const labels = [...html.matchAll(/class="is-chart-value"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(labels).toEqual(['79', '48%', '77', '56%', '£71', '51%']);
  });

  it('draws a legend for several series, an axis with ticks, colours from the theme', () => {
    expect(html).toContain('class="is-chart-legend"');
    expect(html).toContain('class="is-chart-axis"');
    expect(html.match(/text-anchor="middle"/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(html).toContain('fill: var(--is-series-1)');
    expect(html).toContain('fill: var(--is-series-2)');
    expect(html).toContain('font-family: var(--is-font)');
    expect(html).not.toMatch(/fill="#/);
  });

  it('names the label column and the one series over the bars, and scales bars to the values', () => {
    const one = renderDeck(deck(`<!-- _class: chart -->\n\n## One\n\n| Area | Spend |\n|---|---|\n| x | 10 |\n| y | 20 |\n`)).html;
    const legend = /<g class="is-chart-legend">(.*?)<\/g>/.exec(one)?.[1] ?? '';
    expect([...legend.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['Area', 'Spend']);
    expect(legend).toMatch(/<text class="is-chart-label-header"[^>]* text-anchor="end"/);
    const widths = [...one.matchAll(/class="is-chart-bar" x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(widths).toHaveLength(2);
    expect((widths[1] ?? 0) / (widths[0] ?? 1)).toBeCloseTo(2, 1);
  });

  it('leaves a table that is not chart data alone, and other slide types alone', () => {
    const text = renderDeck(deck(`<!-- _class: chart -->\n\n## T\n\n| A | B |\n|---|---|\n| x | yes |\n`)).html;
    expect(text).not.toContain('is-chart');
    const content = renderDeck(deck(`## T\n\n| A | B |\n|---|---|\n| x | 1 |\n`)).html;
    expect(content).not.toContain('is-chart');
  });

  it('charts only the first table of a chart slide', () => {
    const two = renderDeck(
      deck(`<!-- _class: chart -->\n\n## T\n\n| A | B |\n|---|---|\n| x | 1 |\n\n| C | D |\n|---|---|\n| y | 2 |\n`),
    ).html;
    expect(two.match(/<svg class="is-chart"/g)).toHaveLength(1);
    expect(two.match(/<table>/g)).toHaveLength(2);
  });

  it('handles negative values and escapes labels', () => {
    const svg = renderChartSvg(
      { labelHeader: 'A', categories: ['<b>&', 'y'], series: [{ name: 'S "1"', values: [parseChartValue('-5'), parseChartValue('10')] }] },
      { title: 'T <x>', width: 1000, idPrefix: 'c' },
    );
    expect(svg).toContain('&#60;b&#62;&#38;');
    expect(svg).toContain('<title id="c-title">T &#60;x&#62;</title>');
    expect(svg).toContain('>−5<');
    expect(svg).not.toContain('<b>');
  });

  it('thins the bars to fit a height, down to a floor', () => {
    const data = chartDataFromTable(
      ['A', 'B', 'C'],
      Array.from({ length: 8 }, (_, i) => [`row ${i}`, String(i + 1), String(i + 2)]),
    )!;
    const natural = renderChartSvg(data, { title: 'T', width: 1000, idPrefix: 'a' });
    const thin = renderChartSvg(data, { title: 'T', width: 1000, idPrefix: 'b', maxHeight: 300 });
    const height = (svg: string) => Number(/viewBox="0 0 \d+ (\d+)"/.exec(svg)?.[1]);
    expect(height(thin)).toBeLessThan(height(natural));
    expect(height(thin)).toBeGreaterThanOrEqual(300);
  });
});

describe('chart helpers', () => {
  it('picks nice tick steps', () => {
    expect(niceStep(79)).toBe(20);
    expect(niceStep(100)).toBe(20);
    expect(niceStep(7)).toBe(2);
    expect(niceStep(0.9)).toBe(0.2);
    expect(niceStep(0)).toBe(1);
  });

  it('wraps labels to a width and ellipsises past the last line', () => {
    expect(wrapText('Quality of advice/knowledge of staff', 20, 260, 3)).toEqual(['Quality of advice/knowledge', 'of staff']);
    expect(wrapText('a b c d e f g h i j k l m n o p', 20, 20, 2).at(-1)).toMatch(/…$/);
  });
});

describe('footnotes and superscripts', () => {
  it('marks a paragraph that starts with a superscript digit as the source line', () => {
    const { html } = renderDeck(deck(`## T\n\n- A figure¹\n\nNot a source ¹ here\n\n¹ Source, 2010.\n\n²³ Two sources.\n`));
    expect(html).toContain('<p class="footnote-source" id="is-fn-1-1">¹ Source, 2010.</p>');
    expect(html).toContain('<p class="footnote-source" id="is-fn-1-23">²³ Two sources.</p>');
    expect(html).toContain('<p>Not a source <a href="#is-fn-1-1" class="is-fn-ref">¹</a> here</p>');
    expect(html).toContain('<li>A figure<a href="#is-fn-1-1" class="is-fn-ref">¹</a></li>');
  });

  it('links a marker to the source line of its number on its slide; a marker without one, or inside a link, stays text', () => {
    const { html } = renderDeck(deck(`## T\n\n- One¹ and two² and [a link¹](https://example.org)\n\n¹ Source.\n\n---\n\n## U\n\n- Again¹\n\n¹ Other source.\n`));
    expect(html).toContain('<li>One<a href="#is-fn-1-1" class="is-fn-ref">¹</a> and two² and <a href="https://example.org">a link¹</a></li>');
    expect(html).toContain('<li>Again<a href="#is-fn-2-1" class="is-fn-ref">¹</a></li>');
    expect(html).toContain('<p class="footnote-source" id="is-fn-2-1">¹ Other source.</p>');
  });

  it('turns <sup>n</sup> and a bare <sub>/<sup> around plain text into real elements without opening raw HTML; others are left out', () => {
    const { html } = renderDeck(deck(`## T\n\nA figure<sup>1</sup>\n\n<sup>1</sup> Source.\n\nH<sub>2</sub>O, the 10<sup>th</sup>; <sup class="x">y</sup> and <sub>*z*</sub> left out\n`));
    expect(html).toContain('<p>A figure<a href="#is-fn-1-1" class="is-fn-ref"><sup>1</sup></a></p>');
    expect(html).toContain('<p class="footnote-source" id="is-fn-1-1"><sup>1</sup> Source.</p>');
    expect(html).toContain('<p>H<sub>2</sub>O, the 10<sup>th</sup>; y and <em>z</em> left out</p>');
  });

  it('does not mark list items or quotes', () => {
    const { html } = renderDeck(deck(`## T\n\n- ¹ item\n\n> ¹ quote\n`));
    expect(html).not.toContain('footnote-source');
  });
});

describe('house Markdown', () => {
  it('leaves raw HTML tags out (html off, the default), keeping the text between them: a <script> in a deck is not a tag', () => {
    const { html } = renderDeck(
      deck(`## Title <script>alert(1)</script>\n\n<script>alert(2)</script>\n\n<img src=x onerror=alert(3)>\n\n- <b>bold?</b>\n`),
    );
    expect(html).not.toMatch(/<script|&lt;script|<img|&lt;img|onerror|<b>|&lt;b&gt;/i);
    expect(slide(html, 1)).toContain('<h2 id="title-alert1">Title alert(1)</h2>');
    expect(slide(html, 1)).toContain('<p>alert(2)</p>');
    expect(slide(html, 1)).toContain('<li>bold?</li>');
  });

  it('draws <br> as a line break and drops a paragraph of tags only; code and footnote markers stay as written', () => {
    const { html } = renderDeck(
      deck('## T\n\nFirst<br>second<br/>\nthird<br>\n\n<div class="box">\n\nInside\n\n</div>\n\nUse `<br>` here¹ and <sup>2</sup>\n\n| a | b |\n|---|---|\n| one<br>two | <span>x</span> |\n'),
    );
    const body = slide(html, 1);
    expect(body).toContain('<p>First<br />\nsecond<br />\nthird</p>');
    expect(body).not.toMatch(/<div class="box"|&lt;div|<p><\/p>/);
    expect(body).toContain('<p>Inside</p>');
    expect(body).toContain('<code>&lt;br&gt;</code> here¹ and <sup>2</sup>');
    expect(body).toContain('<td>one<br />\ntwo</td>');
    expect(body).toContain('<td>x</td>');
  });

  it("with html: true draws Marp's allowlist and shows other tags as text", () => {
    const { html } = renderDeck(deck('## T\n\nA <b>bold</b> word<br>and <iframe src="x"></iframe>\n'), { html: true });
    expect(slide(html, 1)).toContain('<p>A <b>bold</b> word<br />and &lt;iframe src="x"&gt;&lt;/iframe&gt;</p>');
  });

  it('wraps the dash after a bold lead on models and statistics slides', () => {
    const { html } = renderDeck(deck(`<!-- _class: statistics -->\n\n## T\n\n- **£3bn** – saved\n`));
    expect(html).toContain('<li><strong>£3bn</strong><span class="is-sep" aria-hidden="true"> – </span>saved</li>');
    const content = renderDeck(deck(`## T\n\n- **£3bn** – saved\n`)).html;
    expect(content).not.toContain('is-sep');
  });

  it('sets data-is-fit: 0 for light slides, more for dense ones', () => {
    const bullets = Array.from(
      { length: 7 },
      (_, i) => `- Point ${i} with about twenty five words of text so that the slide is crowded and needs the theme to shrink it a little to fit well`,
    ).join('\n');
    const { html } = renderDeck(deck(`## Light\n\n- one\n\n---\n\n## Dense\n\n${bullets}\n`, 'size: 4:3\n'));
    expect(slide(html, 1)).toContain('data-is-fit="0"');
    expect(Number(/data-is-fit="(\d)"/.exec(slide(html, 2))?.[1])).toBeGreaterThan(0);
  });

  it('draws the wordmark as text on every slide, in the layer that draws the footer', () => {
    const { html } = renderDeck(deck(`## One\n\n---\n\n## Two\n\n![bg left](x.png)\n\n- point\n`));
    const wordmark = '<div class="is-wordmark" aria-hidden="true"><span></span></div>';
    expect(html.split(wordmark)).toHaveLength(3);
    // A plain slide: the last child of the slide, which is marked so the theme drops the SVG.
    expect(slide(html, 1)).toMatch(/^<section [^>]*data-is-wordmark="text"/);
    expect(slide(html, 1).trimEnd().endsWith(wordmark)).toBe(true);
    // An advanced background: in Marpit's pseudo layer (full width, draws the footer), not the content.
    const layers = html.split(/<section\b/).slice(2).map((s) => `<section${s.split('</section>')[0] ?? ''}`);
    const of = (layer: string) => layers.find((s) => /^[^>]*/.exec(s)?.[0].includes(`data-marpit-advanced-background="${layer}"`)) ?? '';
    expect(of('pseudo')).toContain(wordmark);
    expect(of('pseudo')).toMatch(/data-is-wordmark="text"/);
    expect(of('content')).not.toContain('is-wordmark');
    expect(of('background')).not.toContain('is-wordmark');
    // The text itself is the theme's, not the slide's: nothing of it in the HTML.
    expect(html).not.toContain('Improvement');
  });
});

describe('math', () => {
  const MATH = readFileSync(join(findPackageRoot(), 'test', 'fixtures', 'render', 'math.md'), 'utf8');

  it('keeps money as prose in the slide and in the deck model: `$5 and $10`, `$5-$10`, `£3bn`', () => {
    const body = slide(renderDeck(MATH).html, 2);
    expect(body).toContain('<li>A meal costs $5 and a ticket $10: £3bn in all</li>');
    expect(body).toContain('<li>Between $5-$10 a head, and a lone $ sign</li>');
    const slide2 = parseDeck(MATH).slides[1]!;
    const items = slide2.lists[0]!.items;
    expect(items.map((item) => item.text)).toEqual([
      'A meal costs $5 and a ticket $10: £3bn in all',
      'Between $5-$10 a head, and a lone $ sign',
      'A circle of radius r has area \\pi r^2',
    ]);
    // The money items are one prose run each; the formulas are math runs and the slide's formulas.
    expect(items.slice(0, 2).map((item) => item.runs.length)).toEqual([1, 1]);
    expect(items[2]!.runs.filter((run) => run.math).map((run) => run.text)).toEqual(['r', '\\pi r^2']);
    expect(slide2.formulas.map((formula) => [formula.tex, formula.display])).toEqual([
      ['r', false],
      ['\\pi r^2', false],
      ['\\bar{x} = \\frac{1}{n} \\sum_{i=1}^{n} x_i', true],
    ]);
  });

  it('draws inline and block math with KaTeX, MathML for screen readers, fonts embedded so it works offline', () => {
    const { html, css } = renderDeck(MATH);
    const body = slide(html, 2);
    expect(body.match(/<span class="katex">/g)).toHaveLength(3);
    expect(body).toContain('<annotation encoding="application/x-tex">\\pi r^2</annotation>');
    expect(body).toMatch(/<p><span is="marp-span" data-auto-scaling="downscale-only" class="katex-display">/);
    expect(css.match(/@font-face\s*\{[^}]*KaTeX_Main/g)?.length).toBeGreaterThan(0);
    const sources = [...css.matchAll(/src:\s*url\(["']?([^)]{0,40})/g)].map((match) => match[1]!);
    // Carlito (4 faces), its supplement (4) and KaTeX's 20 faces.
    expect(sources.length).toBe(28);
    // Carlito and KaTeX: every font a data: URL, nothing for the browser to fetch (the preview's CSP allows data: fonts).
    expect(sources.every((source) => source.startsWith('data:font/woff2;base64,'))).toBe(true);
  });

  it('adds no KaTeX CSS to a deck without math, money or not; a `math: mathjax` deck is drawn with KaTeX', () => {
    expect(renderDeck(deck('## T\n\nIt costs $5 and $10.\n')).css).not.toContain('KaTeX');
    const mathjax = renderDeck(deck('## T\n\n$x^2$\n', 'math: mathjax\n'));
    expect(mathjax.html).toContain('class="katex"');
  });
});

describe('code and fitted headings', () => {
  it('highlights a fenced block in a language highlight.js knows, with its token classes; others stay plain', () => {
    const body = slide(renderDeck(deck('## T\n\n```js\nconst x = "a"; // note\n```\n\n```\n<b>plain</b>\n```\n\n```wibble\nif x\n```\n')).html, 1);
    expect(body).toContain('<span class="hljs-keyword">const</span> x = <span class="hljs-string">&quot;a&quot;</span>; <span class="hljs-comment">// note</span>');
    expect(body).toContain('&lt;b&gt;plain&lt;/b&gt;');
    expect(body).toContain('>if x\n</code>');
    expect(loadHouseThemeCss()).toMatch(/\.hljs-keyword,[^{]*\{\s*color: var\(--is-code-keyword\)/);
  });

  it('sizes a `<!-- fit -->` heading from its width in ems, and lets a code block shrink to its longest line', () => {
    const body = slide(renderDeck(deck('## <!-- fit --> Outcomes\n\n```\nab\n\tcd\n```\n')).html, 1);
    expect(headingEms('Outcomes')).toBeCloseTo(4.231, 3);
    expect(body).toContain(`<h2 is="marp-h2" data-auto-scaling style="white-space:nowrap;font-size:calc(100cqw / ${(headingEms('Outcomes') * 1.03).toFixed(3)})"`);
    expect(longestLine('ab\n\tcd')).toBe(10);
    expect(body).toContain('<code style="font-size:min(1em, calc((100cqw - 2em) / 6.02))">');
    expect(slide(renderDeck(deck('## Not fitted\n')).html, 1)).toContain('<h2 id="not-fitted">');
  });

  it('highlights a 200 KB block in linear time (under a generous budget)', () => {
    const code = 'const total = items.reduce((sum, item) => sum + item.value, 0); // "sum" of /items/\n'.repeat(2_500);
    const started = performance.now();
    renderDeck(deck(`## T\n\n\`\`\`js\n${code}\`\`\`\n`));
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('fit estimates', () => {
  it('counts wrapped lines', () => {
    expect(estimateLines('', 20, 100)).toBe(1);
    expect(estimateLines('short', 20, 1000)).toBe(1);
    expect(estimateLines('word '.repeat(100), 20, 500)).toBeGreaterThan(5);
  });

  it('never shrinks a lighter slide more than a heavier one', () => {
    const item = { text: 'twenty five words '.repeat(8), lead: undefined, rest: '', children: [] };
    const levels = [1, 3, 5, 7, 9].map((n) =>
      fitLevel(FLOW_FIT, [{ kind: 'heading', level: 2, text: 'Title' }, { kind: 'list', ordered: false, items: Array(n).fill(item) }], '4:3'),
    );
    expect(levels[0]).toBe(0);
    expect([...levels].sort((a, b) => a - b)).toEqual(levels);
    expect(levels.at(-1)).toBeGreaterThan(0);
  });
});

describe('theme', () => {
  it('is registered: the rendered CSS carries the tagline, fonts and wordmark', () => {
    const { css } = renderDeck(deck('## T\n'));
    expect(css).toContain(TAGLINE);
    expect(css).toContain('data:font/woff2;base64,');
    expect(css).toContain('data:image/svg+xml;base64,');
    expect(css).toMatch(/--is-wordmark-lead:\s*'Improvement '/);
    expect(css).toMatch(/section\[data-is-wordmark\]\s*\{\s*--is-wordmark:\s*none;?\s*\}/);
    expect(css).not.toMatch(/url\(['"]?(?:fonts|assets)\//);
    expect(css).not.toMatch(/@import|https?:\/\/(?!www\.w3\.org)/);
  });

  it('is the default theme of the house instance', () => {
    const { css } = renderDeck('---\nmarp: true\n---\n\n## T\n');
    expect(css).toContain(TAGLINE);
  });

  it('sets brand values once, on section, and sizes for 16:9 and 4:3', () => {
    const source = readFileSync(join(findPackageRoot(), 'themes/improvement-service.css'), 'utf8');
    expect(source).toMatch(/\/\* @theme improvement-service \*\//);
    expect(source).toMatch(/@auto-scaling true/);
    expect(source).toMatch(/@size 16:9 1280px 720px/);
    expect(source).toMatch(/@size 4:3 960px 720px/);
    expect(source.match(/--is-navy:/g)).toHaveLength(1);
    expect(source).not.toMatch(/@import|https?:\/\//);
    for (const font of ['400-normal', '700-normal', '400-italic', '700-italic']) {
      expect(existsSync(join(findPackageRoot(), `themes/fonts/carlito-latin-${font}.woff2`))).toBe(true);
    }
    expect(loadHouseThemeCss()).toContain('/* @theme improvement-service */');
  });

  it('renders 4:3 when the deck asks for it', () => {
    const r = renderDeck(deck('## T\n', 'size: 4:3\n'));
    expect(r.size).toEqual({ name: '4:3', width: 960, height: 720 });
    expect(r.html).toContain('data-size="4:3"');
    expect(r.css).toMatch(/width:\s*960px/);
  });
});

describe('renderDeck', () => {
  it('returns html, css, slide count and presenter notes a slide', () => {
    const r = renderDeck(deck(`## One\n\n<!-- note one -->\n\n---\n\n## Two\n\n<!-- note two -->\n<!-- note three -->\n`));
    expect(r.slideCount).toBe(2);
    expect(r.comments).toEqual([['note one'], ['note two', 'note three']]);
    expect(r.html.match(/<section\b/g)).toHaveLength(2);
    expect(r.lang).toBe('en-GB');
  });

  it('reads lang and title from the front-matter, else the first # heading', () => {
    expect(renderDeck(deck('# Big title\n', 'lang: gd\n')).lang).toBe('gd');
    expect(renderDeck(deck('# Big &amp; title\n')).title).toBe('Big & title');
    expect(renderDeck(deck('# Big\n', 'title: "Front title"\n')).title).toBe('Front title');
    expect(renderDeck('no front matter').title).toBe('Presentation');
    expect(readFrontMatter('---\n: bad: [\n---\n')).toEqual({});
  });

  it('reuses one Marp instance; createHouseMarp makes independent ones', () => {
    const a = createHouseMarp();
    const b = createHouseMarp();
    expect(a).not.toBe(b);
    expect(a.render(deck('## T\n')).css).toContain(TAGLINE);
  });
});

describe('standalone HTML', () => {
  let dir: string;
  let outside: string;
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  );

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'isdeck-render-'));
    outside = mkdtempSync(join(tmpdir(), 'isdeck-outside-'));
    mkdirSync(join(dir, 'decks', 'img'), { recursive: true });
    writeFileSync(join(dir, 'decks', 'img', 'in.png'), png);
    writeFileSync(join(outside, 'out.png'), png);
    symlinkSync(join(outside, 'out.png'), join(dir, 'decks', 'img', 'link.png'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  const md = deck(
    `# Deck <title>\n\n![Chart of results](img/in.png)\n\n![Escapes](../../${'x'}/out.png)\n\n![Outside](${'OUTSIDE'})\n\n![Link](img/link.png)\n\n![Missing](img/none.png)\n\n![bg right](img/in.png)\n`,
    'lang: en-GB\n',
  );

  it('is one document with lang, title, inlined CSS and embedded fonts', () => {
    const { html } = renderStandaloneHtml(deck('# My deck\n', 'lang: en-GB\n'), { deckPath: join(dir, 'decks', 'a.md') });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('<title>My deck</title>');
    expect(html).toContain(TAGLINE);
    expect(html).toContain('data:font/woff2;base64,');
    expect(html).toMatch(/@page \{ size: 1280px 720px; margin: 0; \}/);
    expect(html).not.toMatch(/<link\b|<script\b|src="https?:/);
  });

  it('embeds images inside the deck folder and leaves out others, with warnings', () => {
    const source = md.replace('OUTSIDE', join(outside, 'out.png'));
    const { html, warnings } = renderStandaloneHtml(source, { deckPath: join(dir, 'decks', 'a.md') });
    expect(html).toContain('alt="Chart of results"');
    expect(html).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="Chart of results"/);
    expect(html).toMatch(/background-image:url\(&quot;data:image\/png;base64,|background-image:url\("data:image\/png;base64,/);
    expect(html).not.toContain('alt="Outside"');
    expect(html).not.toContain('alt="Link"');
    expect(html).not.toContain('alt="Missing"');
    expect(html).not.toContain(outside);
    const paths = warnings.map((w) => w.path);
    expect(paths).toContain(join(outside, 'out.png'));
    expect(paths).toContain('img/link.png');
    expect(paths).toContain('img/none.png');
    expect(paths).toContain('../../x/out.png');
    expect(warnings.find((w) => w.path === 'img/link.png')?.message).toMatch(/is a link to a file outside the workspace/);
    expect(warnings.every((w) => w.kind === 'left-out')).toBe(true);
    expect(warnings.find((w) => w.path === 'img/none.png')?.message).toMatch(/not found/);
  });

  it('exportHtml writes the document through a temporary file and a rename', async () => {
    const out = join(dir, 'out', 'deck.html');
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'decks', 'b.md'), deck('# B\n\n![In](img/in.png)\n'));
    writeFileSync(out, 'old');
    const result = await exportHtml(join(dir, 'decks', 'b.md'), out);
    expect(result.slideCount).toBe(1);
    expect(result.warnings).toEqual([]);
    const written = readFileSync(out, 'utf8');
    expect(written).toBe(renderStandaloneHtml(deck('# B\n\n![In](img/in.png)\n'), { deckPath: join(dir, 'decks', 'b.md') }).html);
    expect(readdirSync(join(dir, 'out'))).toEqual(['deck.html']);
    await expect(exportHtml(join(dir, 'decks', 'missing.md'), out)).rejects.toThrow();
    expect(readFileSync(out, 'utf8')).toBe(written);
    await expect(exportHtml(join(dir, 'decks', 'b.md'), join(dir, 'no-such-dir', 'x.html'))).rejects.toThrow();
    expect(readdirSync(join(dir, 'out'))).toEqual(['deck.html']);
  });
});

describe('package root', () => {
  it('is found from the sources', () => {
    expect(existsSync(join(findPackageRoot(), 'themes', 'improvement-service.css'))).toBe(true);
  });
});

