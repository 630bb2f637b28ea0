import { describe, expect, it } from 'vitest';
import { lintFixture, lintString, problemsOf, summarise } from '../helpers/lint';

const RULE = 'raw-html';
const only = (name: string, config?: Parameters<typeof lintFixture>[2]) => problemsOf(lintFixture(RULE, name, config), RULE);
const LEFT_OUT = (tag: string) =>
  `Raw HTML \`<${tag}>\` is left out of the slide (raw HTML is off; the text between tags stays): write it in Markdown, or set \`html: true\` in .isdeckrc to draw Marp's allowlist of tags.`;

describe('raw-html', () => {
  it('names each tag left out, at the tag, and says what becomes of a <br>', () => {
    expect(only('bad').map(summarise)).toEqual([
      {
        rule: RULE,
        severity: 'warning',
        range: [8, 28, 8, 32],
        message: 'Raw HTML `<br>` is drawn as a plain line break (raw HTML is off): end the line with a backslash `\\` instead.',
      },
      { rule: RULE, severity: 'warning', range: [11, 14, 11, 35], message: LEFT_OUT('span') },
      { rule: RULE, severity: 'warning', range: [20, 1, 20, 22], message: LEFT_OUT('div') },
    ]);
  });

  it('leaves Marp’s <style>, notes, code, the house footnote marker <sup>1</sup> and bare <sub>/<sup> typography alone', () => {
    expect(only('good')).toEqual([]);
    const problems = problemsOf(lintString('---\nmarp: true\n---\n\n## T\n\nH<sub>2</sub>O, 10<sup>th</sup>, <sup class="x">y</sup>\n'), RULE);
    expect(problems.map((problem) => [problem.range.column, problem.message.slice(0, 20)])).toEqual([[34, 'Raw HTML `<sup>` is ']]);
  });

  it('with html: true names only the tags outside Marp’s allowlist', () => {
    expect(only('bad', { html: true })).toEqual([]);
    const problems = problemsOf(lintString('---\nmarp: true\n---\n\n## T\n\n<iframe src="x"></iframe> and <b>b</b>\n', { html: true }), RULE);
    expect(problems.map(summarise)).toEqual([
      { rule: RULE, severity: 'warning', range: [7, 1, 7, 17], message: "`<iframe>` is not in Marp's HTML allowlist: it is shown as text. Write it in Markdown instead." },
    ]);
  });

  it('checks foreign decks too', () => {
    expect(problemsOf(lintString('---\nmarp: true\ntheme: gaia\n---\n\n# T <u>x</u>\n'), RULE)).toHaveLength(1);
  });
});
