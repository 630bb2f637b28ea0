import { describe, expect, it } from 'vitest';
import { composeSlide, type ComposeContext } from '../../src/core/import/compose';
import type { ImportSlide } from '../../src/core/import/frame';
import { slideMarkdown } from '../../src/core/import/markdown';
import { RECOGNISERS } from '../../src/core/slide-types';
import { benefitsRisksRecogniser } from '../../src/core/import/recognisers/benefits-risks';
import { chartRecogniser } from '../../src/core/import/recognisers/chart';
import { coverRecogniser } from '../../src/core/import/recognisers/cover';
import { discussionRecogniser } from '../../src/core/import/recognisers/discussion';
import { modelsRecogniser } from '../../src/core/import/recognisers/models';
import { spectrumRecogniser } from '../../src/core/import/recognisers/spectrum';
import { statisticsRecogniser } from '../../src/core/import/recognisers/statistics';
import type { Shape } from '../../src/core/import/model';
import { bold, box, bullet, chart, para, run, slideOf, table, text, title } from './shapes';

/** The slide as the importer writes it (class comment, title, blocks), and what it reported. */
function write(slide: ImportSlide): { markdown: string; findings: string[] } {
  const findings: string[] = [];
  const context: ComposeContext = {
    addImage: (_data, extension, number) => `deck-images/slide${number}.${extension}`,
    finding: (_slide, message) => findings.push(message),
  };
  return { markdown: slideMarkdown(composeSlide(slide, context)), findings };
}

const card = (name: string, description: string, x: number, y: number): Shape =>
  text([bold(name), description], { box: box(x, y, 4, 2), geometry: 'roundRect', filled: true });

describe('the recognisers', () => {
  it('are asked in one order, each slide type once, content last', () => {
    expect(RECOGNISERS.map((recogniser) => recogniser.type)).toEqual(['discussion', 'cover', 'chart', 'benefits-risks', 'spectrum', 'statistics', 'models', 'quote', 'content']);
  });
});

describe('cover', () => {
  it('sorts an Office title slide into the house fields: series and date, title, presenter and organisation', () => {
    const slide = slideOf(
      [
        title('Shared Services in Practice', { placeholder: 'title', box: box(0.75, 2.3, 8.5, 1.5) }),
        text(['Leadership Masterclass', '12/11/2009', 'Alex Morgan', 'The Improvement Service'], { placeholder: 'subtitle', box: box(1.5, 4.2, 7, 1.8) }),
      ],
      { index: 0, layoutName: 'Title Slide', layoutType: 'title' },
    );
    expect(write(slide).markdown).toBe(
      '<!-- _class: cover -->\n\nLeadership Masterclass\n12/11/2009\n\n# Shared Services in Practice\n\nAlex Morgan\nThe Improvement Service',
    );
  });

  it('takes bulleted lines as the agenda (its label left to the theme), a line under the title as the part title', () => {
    const slide = slideOf(
      [
        text(['Leadership Masterclass', '12/11/2009'], { box: box(0.7, 0.8, 8, 0.7) }),
        title('Shared Services in Practice', { box: box(0.7, 1.6, 8, 1.2) }),
        text(['What Works'], { box: box(0.7, 3, 8, 0.5) }),
        text([bold('Agenda'), bullet('Why Share?'), bullet('What Works')], { box: box(0.7, 3.6, 8, 1.5) }),
        text([bold('Alex Morgan'), 'The Improvement Service'], { box: box(0.7, 6, 8, 0.6) }),
      ],
      { index: 4, layoutName: 'IS Cover' },
    );
    expect(write(slide).markdown).toBe(
      '<!-- _class: cover -->\n\nLeadership Masterclass\n12/11/2009\n\n# Shared Services in Practice\n\n## What Works\n\n- Why Share?\n- What Works\n\nAlex Morgan\nThe Improvement Service',
    );
  });

  it("names a later part from its PowerPoint section when the cover has no part title, and says so", () => {
    const slide = slideOf([title('Shared Services'), text(['Masterclass', '12/11/2009', 'Alex Morgan', 'The Improvement Service'], { box: box(1, 3, 8, 2) })], {
      index: 6,
      sectionName: 'Part 2: What Works',
    });
    const { markdown, findings } = write(slide);
    expect(markdown).toContain('# Shared Services\n\n## What Works\n\nAlex Morgan');
    expect(findings).toEqual(['the part title "What Works" comes from the PowerPoint section\'s name']);
  });

  it('puts pictures and other content between the title and the presenter, so the fields stay where the house reads them', () => {
    const logo: Shape = { kind: 'picture', name: 'Logo', description: 'Council logo', box: box(0.5, 0.2, 2, 1), image: { data: new Uint8Array([1]), extension: 'png' } };
    const slide = slideOf([logo, title('Shared Services'), text(['Masterclass', '12/11/2009', 'Alex Morgan', 'The Improvement Service'], { box: box(1, 3, 8, 2) })], { index: 0 });
    expect(write(slide).markdown).toBe(
      '<!-- _class: cover -->\n\nMasterclass\n12/11/2009\n\n# Shared Services\n\n![Council logo](deck-images/slide1.png)\n\nAlex Morgan\nThe Improvement Service',
    );
  });

  it('declines a slide later in the deck with no date, no title layout and no section', () => {
    expect(coverRecogniser.recognise(slideOf([title('Why Share?'), text(['Costs are rising'])], { index: 3 }))).toBeUndefined();
  });
});

describe('discussion', () => {
  it('takes a "Group Discussion" slide, its text as the one question', () => {
    const { markdown } = write(slideOf([title('Group Discussion'), text([bold('Which service would you share first?')])]));
    expect(markdown).toBe('<!-- _class: discussion -->\n\n## Group Discussion\n\nWhich service would you share first?');
  });

  it('finds the label in a text of its own when the slide has no title placeholder', () => {
    const slide = slideOf([text(['What would stop you?'], { box: box(1, 3, 8, 1) }), text(['Group discussion'], { box: box(1, 5, 8, 0.5) })]);
    expect(write(slide).markdown).toBe('<!-- _class: discussion -->\n\n## Group discussion\n\nWhat would stop you?');
  });

  it('declines other titles', () => {
    expect(discussionRecogniser.recognise(slideOf([title('Discussion of the results'), text(['A point'])]))).toBeUndefined();
  });
});

describe('models', () => {
  it('reads four headed cards in a 2 × 2 grid in reading order, whatever their order in the file', () => {
    const slide = slideOf([
      title('Four Ways to Share'),
      card('Outsourcing', 'a contractor delivers', 5.2, 4.2),
      card('Joint committee', 'councils govern together', 0.5, 2),
      card('Lead authority', 'one council delivers', 5.2, 2),
      card('Arm’s length company', 'a company runs it', 0.5, 4.2),
    ]);
    expect(write(slide).markdown).toBe(
      '<!-- _class: models -->\n\n## Four Ways to Share\n\n- **Joint committee** – councils govern together\n- **Lead authority** – one council delivers\n- **Arm’s length company** – a company runs it\n- **Outsourcing** – a contractor delivers',
    );
  });

  it('pairs heading texts with the text under each', () => {
    const head = (name: string, x: number, y: number) => text([bold(name)], { box: box(x, y, 4, 0.5) });
    const body = (value: string, x: number, y: number) => text([value], { box: box(x, y + 0.6, 4, 1.2) });
    const slide = slideOf([title('Models'), head('A', 0.5, 2), body('first', 0.5, 2), head('B', 5, 2), body('second', 5, 2), head('C', 0.5, 4.5), body('third', 0.5, 4.5), head('D', 5, 4.5), body('fourth', 5, 4.5)]);
    expect(write(slide).markdown).toBe('<!-- _class: models -->\n\n## Models\n\n- **A** – first\n- **B** – second\n- **C** – third\n- **D** – fourth');
  });

  it('declines four headed texts in a row, and heads that do not stand out', () => {
    const row = [0.2, 2.6, 5, 7.4].map((x, index) => card(`Name ${index}`, 'text', x, 3));
    expect(modelsRecogniser.recognise(slideOf([title('A row'), ...row]))).toBeUndefined();
    const plain = [0, 1, 2, 3].map((index) => text(['Name', 'text'], { box: box(index % 2 ? 5 : 0.5, index < 2 ? 2 : 4.5, 4, 2) }));
    expect(modelsRecogniser.recognise(slideOf([title('Plain'), ...plain]))).toBeUndefined();
  });
});

describe('benefits-risks', () => {
  it('takes a table headed Benefits and Risks', () => {
    const { markdown } = write(slideOf([title('Benefits and Risks'), table([['Benefits', 'Risks'], ['Lower costs', 'Less control']])]));
    expect(markdown).toBe('<!-- _class: benefits-risks -->\n\n## Benefits and Risks\n\n| Benefits | Risks |\n|---|---|\n| Lower costs | Less control |');
  });

  it('pairs two columns headed Benefits and Risks row by row, and says when they differ in length', () => {
    const slide = slideOf([
      title('Benefits and Risks'),
      text([bold('Benefits'), bullet('Lower costs'), bullet('Shared expertise')], { box: box(0.5, 2, 4, 3) }),
      text([bold('Risks:')], { box: box(5, 2, 4, 0.5) }),
      text([bullet('Less control')], { box: box(5, 2.6, 4, 2) }),
    ]);
    const { markdown, findings } = write(slide);
    expect(markdown).toBe('<!-- _class: benefits-risks -->\n\n## Benefits and Risks\n\n| Benefits | Risks: |\n|---|---|\n| Lower costs | Less control |\n| Shared expertise |   |');
    expect(findings).toEqual(['the Benefits and Risks columns had different lengths: their rows were paired in order; check them']);
  });

  it('declines a table headed otherwise', () => {
    expect(benefitsRisksRecogniser.recognise(slideOf([title('Pros and cons'), table([['Pros', 'Cons'], ['a', 'b']])]))).toBeUndefined();
  });
});

describe('statistics', () => {
  it('reads texts led by a figure on its own line as **figure** – label', () => {
    const figure = (value: string, label: string, x: number) => text([bold(value, 40), para(label, { size: 18 })], { box: box(x, 2.5, 2.8, 2) });
    const { markdown } = write(slideOf([title('In Numbers'), figure('£120m', 'saved a year', 0.5), figure('32', 'councils', 3.5), figure('45%', 'share a service', 6.5)]));
    expect(markdown).toBe('<!-- _class: statistics -->\n\n## In Numbers\n\n- **£120m** – saved a year\n- **32** – councils\n- **45%** – share a service');
  });

  it('reads a list whose lines all start with a figure and a short label', () => {
    const { markdown } = write(slideOf([title('Value'), text([bullet('£3bn – saved by self care'), bullet('1.7m patients with long term needs'), bullet('90%+ want to take part')], { placeholder: 'body' })]));
    expect(markdown).toBe('<!-- _class: statistics -->\n\n## Value\n\n- **£3bn** – saved by self care\n- **1.7m** – patients with long term needs\n- **90%+** – want to take part');
  });

  it('declines a timeline of years and a list with one line that is not figure-led', () => {
    expect(statisticsRecogniser.recognise(slideOf([title('History'), text([bullet('2007 – payroll shared'), bullet('2008 – procurement'), bullet('2009 – fleet')])]))).toBeUndefined();
    expect(statisticsRecogniser.recognise(slideOf([title('Mixed'), text([bullet('£3bn saved'), bullet('1.7m patients'), bullet('and much more besides')])]))).toBeUndefined();
  });
});

describe('chart', () => {
  it('writes the chart data as the slide table and its title as the caption, unless the title repeats the slide title', () => {
    const captioned = write(slideOf([title('Savings by Service'), chart({ title: 'Savings against the baseline (%)' })]));
    expect(captioned.markdown).toBe('<!-- _class: chart -->\n\n## Savings by Service\n\n| Service | 2008 |\n|---|---|\n| Payroll | 12% |\n| Fleet | 5% |\n\nSavings against the baseline (%)');
    expect(write(slideOf([title('Savings by Service'), chart({ title: 'Savings by service' })])).markdown).not.toContain('\n\nSavings by service');
  });

  it('reports a chart that is not a bar chart, a chart without its label header, and a second chart', () => {
    const pie = chart({ chartTypes: ['pieChart'], table: { labelHeader: '', seriesNames: ['Share'], categories: ['A'], values: [['1']] } });
    const { findings } = write(slideOf([title('Shares'), pie, chart({ name: 'Second' })]));
    expect(findings).toEqual([
      'the chart was a pieChart: the house draws every chart as bars',
      "the chart does not name its label column: the table's first header cell is empty",
      'the slide has 2 charts: a chart slide shows one; the others are tables now',
      'a second chart on the slide became a table',
    ]);
  });

  it('declines a slide without a chart', () => {
    expect(chartRecogniser.recognise(slideOf([title('No chart'), text(['text'])]))).toBeUndefined();
  });
});

describe('spectrum', () => {
  it('reads a row of chevrons left to right, leaving the stage numbers to the list', () => {
    const stage = (number: string, label: string, x: number) => text([bold(number), bold(label)], { geometry: 'chevron', filled: true, box: box(x, 3, 2.5, 2) });
    const { markdown } = write(slideOf([title('From Collaboration to Merger'), stage('3', 'Shared service', 5), stage('1', 'Informal', 0.3), stage('2', 'Shared posts', 2.6)]));
    expect(markdown).toBe('<!-- _class: spectrum -->\n\n## From Collaboration to Merger\n\n1. Informal\n2. Shared posts\n3. Shared service');
  });

  it('reads short texts along a long line as stages', () => {
    const line: Shape = { kind: 'line', name: 'Arrow', description: '', box: box(0.5, 4, 9, 0), arrow: true };
    const label = (value: string, x: number) => text([value], { box: box(x, 3.4, 2, 0.5) });
    const { markdown } = write(slideOf([title('Stages'), line, label('Sector reform', 6.5), label('Improve', 0.5), label('Core vs non-core', 3.5)]));
    expect(markdown).toBe('<!-- _class: spectrum -->\n\n## Stages\n\n1. Improve\n2. Core vs non-core\n3. Sector reform');
  });

  it('declines a single chevron', () => {
    expect(spectrumRecogniser.recognise(slideOf([title('One'), text(['Only'], { geometry: 'chevron' })]))).toBeUndefined();
  });
});

describe('content and what every slide shares', () => {
  it('drops the house furniture: tagline, wordmark, slide number, footer placeholders and a footer repeated on most slides', () => {
    const footer = text(['© Improvement Service 2010'], { box: box(0.5, 7, 5, 0.3) });
    const slide = slideOf(
      [
        text(['efficiency | quality | accountability'], { box: box(0, 0, 10, 0.4) }),
        title('Why Share?'),
        text([bullet('Costs are rising')], { placeholder: 'body', box: box(0.5, 1.6, 9, 4) }),
        text(['Improvement is.'], { box: box(0.5, 6.9, 2, 0.4) }),
        text(['7'], { placeholder: 'slide-number', box: box(9, 7, 0.5, 0.3) }),
        text(['March 2010'], { placeholder: 'date', box: box(3, 7, 2, 0.3) }),
        footer,
      ],
      { repeated: new Set([`© Improvement Service 2010@${[5, 70].join(',')}`]) },
    );
    expect(write(slide).markdown).toBe('<!-- _class: content -->\n\n## Why Share?\n\n- Costs are rising');
  });

  it('writes a lone bold line under the title as the subtitle, a text on a tinted box as the key message, footnote sources last', () => {
    const slide = slideOf([
      title('Why Share?'),
      text(['¹ Audit Scotland, 2009.'], { box: box(0.5, 6.4, 9, 0.4) }),
      text([bold('The case in brief')], { box: box(0.5, 1.5, 9, 0.5) }),
      text([bullet('Budgets are flat¹'), bullet('care grows fastest', 1)], { box: box(0.5, 2.2, 9, 2.5) }),
      text([], { filled: true, box: box(0.5, 5, 9, 1) }),
      text([bold('Sharing is a means, not an end')], { box: box(0.8, 5.1, 8.5, 0.8) }),
    ]);
    expect(write(slide).markdown).toBe(
      '<!-- _class: content -->\n\n## Why Share?\n\n### The case in brief\n\n- Budgets are flat¹\n  - care grows fastest\n\n> Sharing is a means, not an end\n\n¹ Audit Scotland, 2009.',
    );
  });

  it('keeps partial emphasis, links and soft line breaks, and escapes what Markdown would read as markup', () => {
    const slide = slideOf([
      title('Costs #1'),
      text([
        para([run('Costs rose by 5% ('), run('from $3', { italic: true }), run(' to £4) see '), run('the report', { link: 'https://example.org/a b' }), run('\n1999. was <A> & *stars*')]),
        para('- not a list, # not a heading'),
      ]),
    ]);
    expect(write(slide).markdown).toBe(
      '<!-- _class: content -->\n\n## Costs \\#1\n\nCosts rose by 5% (*from \\$3* to £4) see [the report](https://example.org/a%20b)\n1999\\. was \\<A\\> & \\*stars\\*\n\n\\- not a list, # not a heading',
    );
  });

  it('reports SmartArt (its text kept as a list), pictures without alt text or in formats browsers do not draw, and a picture of text', () => {
    const smartArt: Shape = { kind: 'graphic', name: 'Diagram 4', description: '', box: box(1, 2, 8, 3), what: 'smartart', paragraphs: [bullet('Plan'), bullet('Do')] };
    const picture: Shape = { kind: 'picture', name: 'Picture 2', description: '', box: box(0.5, 1.5, 9, 5.5), image: { data: new Uint8Array([1]), extension: 'emf' } };
    const { markdown, findings } = write(slideOf([title('Cycle'), smartArt, picture]));
    expect(markdown).toBe('<!-- _class: content -->\n\n## Cycle\n\n- Plan\n- Do\n\n![](deck-images/slide2.emf)');
    expect(findings).toEqual([
      'the SmartArt "Diagram 4" became a list of its text: check its order and choose a slide type for it',
      'the picture deck-images/slide2.emf has no description (alt text): write one',
      'the picture deck-images/slide2.emf is EMF, which browsers do not draw: save it as PNG',
      'the picture "Picture 2" fills much of the slide and there is little text: if it is a picture of text, type the text in',
    ]);
  });

  it('writes notes as a comment that cannot end early', () => {
    const slide = slideOf([title('Notes')], { notes: [para('Timing: 5 minutes --> then ask'), bullet('a point')] });
    expect(write(slide).markdown).toBe('<!-- _class: content -->\n\n## Notes\n\n<!--\nTiming: 5 minutes -- > then ask\n\n- a point\n-->');
  });
});
