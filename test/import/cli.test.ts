import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse';
import { exportPptx } from '../../src/core/export/pptx';
import { PROJECT_ROOT, runCli } from '../helpers/cli';
import { p, presentation, sp } from './build-pptx';

const work = mkdtempSync(join(tmpdir(), 'isdeck-import-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The report with its timing taken out (it varies from run to run). */
const untimed = (stdout: string) => stdout.replace(/ in \d+\.\d\d s$/m, ' in N s');

beforeAll(async () => {
  const fixture = join(PROJECT_ROOT, 'test/fixtures/import/every-type.md');
  await exportPptx(parseDeck(readFileSync(fixture, 'utf8'), fixture), { deckPath: fixture, outPath: join(work, 'every-type.pptx') });
  const graphic = `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="4" name="Diagram 1"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram"/></a:graphic></p:graphicFrame>`;
  const linked = `<p:pic><p:nvPicPr><p:cNvPr id="3" name="Map" descr="A map"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:link="rIdMap"/></p:blipFill><p:spPr/></p:pic>`;
  writeFileSync(
    join(work, 'office.pptx'),
    presentation({
      slides: [
        { shapes: sp({ ph: 'type="ctrTitle"', box: [1, 2, 8, 1.5], paragraphs: p('Old Deck') }) + sp({ ph: 'type="subTitle"', box: [1, 4, 8, 1.5], paragraphs: p('Masterclass') + p('24/03/2010') + p('Bob Christie') + p('The Improvement Service') }) },
        { shapes: sp({ ph: 'type="title"', paragraphs: p('Hidden') }), hidden: true },
        { shapes: sp({ ph: 'type="title"', box: [0.5, 0.3, 9, 1], paragraphs: p('Diagram') }) + graphic + linked, rels: [{ id: 'rIdMap', type: 'image', target: 'file:///srv/maps/map.png', external: true }] },
      ],
    }),
  );
});

describe('isdeck import', () => {
  it('writes <name>.md beside the presentation, reports the types, and the deck lints clean', async () => {
    const result = await runCli(['import', 'every-type.pptx'], { cwd: work });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(untimed(result.stdout)).toBe(
      'every-type.pptx → every-type.md: 13 of 13 slides imported in N s\n' +
        '  types: cover 2, content 3, models 1, benefits-risks 1, statistics 1, chart 1, spectrum 1, quote 1, discussion 2\n' +
        '  nothing needs a person: the deck lints clean\n',
    );
    const lint = await runCli(['lint', 'every-type.md'], { cwd: work });
    expect([lint.code, lint.stdout]).toEqual([0, '']);
  });

  it('refuses to replace a deck that is there, unless --force', async () => {
    writeFileSync(join(work, 'every-type.md'), 'my edits\n');
    const refused = await runCli(['import', 'every-type.pptx'], { cwd: work });
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([2, '', 'isdeck: every-type.pptx: every-type.md exists; use --force to replace it\n']);
    expect(readFileSync(join(work, 'every-type.md'), 'utf8')).toBe('my edits\n');
    const forced = await runCli(['import', 'every-type.pptx', '--force'], { cwd: work });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(work, 'every-type.md'), 'utf8')).toMatch(/^---\nmarp: true\ntheme: improvement-service\nsize: 4:3\n/);
  });

  it('never writes over a symbolic link, even with --force', async () => {
    mkdirSync(join(work, 'linked'));
    copyFileSync(join(work, 'every-type.pptx'), join(work, 'linked', 'deck.pptx'));
    writeFileSync(join(work, 'elsewhere.md'), 'keep me\n');
    symlinkSync(join(work, 'elsewhere.md'), join(work, 'linked', 'deck.md'));
    const result = await runCli(['import', 'linked/deck.pptx', '--force'], { cwd: work });
    expect([result.code, result.stderr]).toEqual([2, `isdeck: linked/deck.pptx: ${join(work, 'linked', 'deck.md')} is a symbolic link; refusing to write over it\n`]);
    expect(lstatSync(join(work, 'linked', 'deck.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(work, 'elsewhere.md'), 'utf8')).toBe('keep me\n');
  });

  it('refuses a second presentation that would be written to the same deck', async () => {
    mkdirSync(join(work, 'a'));
    mkdirSync(join(work, 'b'));
    copyFileSync(join(work, 'every-type.pptx'), join(work, 'a', 'same.pptx'));
    copyFileSync(join(work, 'every-type.pptx'), join(work, 'b', 'same.pptx'));
    const result = await runCli(['import', 'a/same.pptx', 'b/same.pptx', '--out', 'together'], { cwd: work });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('isdeck: b/same.pptx: another presentation of the run is imported as together/same.md; import it to a different --out folder\n');
    expect(result.stdout).toMatch(/^a\/same\.pptx → together\/same\.md: 13 of 13 slides imported/);
  });

  it('lists what needs a person with its slide number: hidden slides, SmartArt, linked pictures, lint problems', async () => {
    const result = await runCli(['import', 'office.pptx', '--out', 'office'], { cwd: work });
    expect(result.code).toBe(0);
    expect(untimed(result.stdout)).toBe(
      [
        'office.pptx → office/office.md: 2 of 3 slides imported in N s',
        '  types: cover 1, content 1',
        '  hidden, not imported: slide 2',
        '  needs a person (5):',
        '    slide 3: a link to file:///srv/maps/map.png was not followed (only web and e-mail links are kept)',
        '    slide 3: the SmartArt "Diagram 1" holds no text that could be read: redraw it',
        '    slide 3: the picture "Map" is linked to a file outside the presentation: it was not followed; insert the picture itself',
        '    slide 3: error empty-slide: The slide has nothing beyond its title: add its content (text, a list, a table or an image) or delete the slide.',
        '    slide 3: error part-ends-with-discussion: Part 1 ends with a `content` slide: close every part with a `discussion` slide (`## Group Discussion` and one question ending in `?`).',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(work, 'office', 'office.md'), 'utf8')).toContain('<!-- _class: cover -->\n\nMasterclass\n24/03/2010\n\n# Old Deck\n\nBob Christie\nThe Improvement Service');
  });

  it('needs a file, and says how to use it', async () => {
    const missing = await runCli(['import'], { cwd: work });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^isdeck: name at least one \.pptx file to import\n\nUsage: isdeck import \[options\] <file\.pptx>\.\.\./);
    const help = await runCli(['import', '--help'], { cwd: work });
    expect([help.code, help.stdout.split('\n')[0]]).toEqual([0, 'Usage: isdeck import [options] <file.pptx>...']);
  });
});
