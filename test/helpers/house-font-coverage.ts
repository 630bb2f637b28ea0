/**
 * The house font's coverage as the bundled font files give it, and the source of
 * `src/core/rules/helpers/house-font.ts` (a test compares the two; `npx vitest run
 * test/rules/missing-glyph.test.ts -u` rewrites the module after the fonts change).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { woff2CodePoints } from './woff2';

const FONTS = join(__dirname, '..', '..', 'themes', 'fonts');
const STYLES = ['400-normal', '700-normal', '400-italic', '700-italic'];

/** Code points every style of the bundled Carlito draws (each style: all its files together). */
export function bundledCoverage(): number[] {
  const files = readdirSync(FONTS).filter((file) => file.startsWith('carlito-') && file.endsWith('.woff2'));
  const perStyle = STYLES.map((style) => {
    const points = new Set<number>();
    for (const file of files.filter((name) => name.endsWith(`-${style}.woff2`))) for (const point of woff2CodePoints(readFileSync(join(FONTS, file)))) points.add(point);
    return points;
  });
  return [...perStyle[0]!].filter((point) => perStyle.every((set) => set.has(point))).sort((a, b) => a - b);
}

function hex(point: number): string {
  return `0x${point.toString(16).padStart(4, '0')}`;
}

/** The TypeScript module of `points` as ranges. */
export function coverageModule(points: readonly number[]): string {
  const ranges: [number, number][] = [];
  for (const point of points) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === point - 1) last[1] = point;
    else ranges.push([point, point]);
  }
  const rows: string[] = [];
  for (let i = 0; i < ranges.length; i += 6) rows.push(`  ${ranges.slice(i, i + 6).map(([a, b]) => `[${hex(a)}, ${hex(b)}]`).join(', ')},`);
  return [
    '/**',
    ' * The characters the house font draws: the code points every style of the bundled Carlito',
    ' * (themes/fonts: the latin subsets and the supplement) maps to a glyph, as ranges.',
    ' * Generated from the font files by test/helpers/house-font-coverage.ts; do not edit.',
    ' */',
    'export const HOUSE_FONT_RANGES: ReadonlyArray<readonly [number, number]> = [',
    ...rows,
    '];',
    '',
    '/** Whether the house font has a glyph for `codePoint` (binary search of the ranges). */',
    'export function inHouseFont(codePoint: number): boolean {',
    '  let low = 0;',
    '  let high = HOUSE_FONT_RANGES.length - 1;',
    '  while (low <= high) {',
    '    const middle = (low + high) >> 1;',
    '    const [first, last] = HOUSE_FONT_RANGES[middle]!;',
    '    if (codePoint < first) high = middle - 1;',
    '    else if (codePoint > last) low = middle + 1;',
    '    else return true;',
    '  }',
    '  return false;',
    '}',
    '',
  ].join('\n');
}
