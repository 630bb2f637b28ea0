/**
 * The house slide types as an author meets them in the editor: a name, what the slide is for,
 * and a Markdown template in VS Code snippet syntax (`${1:default}` placeholders). The editor's
 * completions (`is-cover`, …), the Insert House Slide command and the whole-deck template
 * `is-deck` all come from here, so there is one template a type. Every template, accepted with
 * its defaults, renders and lints clean (test/render/snippets.test.ts).
 *
 * A slide template has no slide break of its own: where it goes (after the current slide's
 * closing `---`, or into an empty slide) is decided by `slideInsertion` (deck/insert-slide.ts).
 */
import { SLIDE_TYPES, type SlideType } from './deck/types';
import { expandSnippet } from './snippets/expand';

export interface SlideTemplate {
  type: SlideType;
  /** What the completion offers: `is-<type>`. */
  prefix: string;
  description: string;
  /** The slide in snippet syntax, one string a line. */
  body: readonly string[];
}

const TEMPLATES: Record<SlideType, Omit<SlideTemplate, 'type' | 'prefix'>> = {
  cover: {
    description: 'Cover slide opening a part: series and date, deck title, part title, presenter and organisation (repeat the first cover\u2019s values).',
    body: [
      '<!-- _class: cover -->',
      '',
      '${1:Elected Members Masterclass}',
      '${2:${CURRENT_DATE}/${CURRENT_MONTH}/${CURRENT_YEAR}}',
      '',
      '# ${3:Deck title}',
      '',
      '## ${4:Part title}',
      '',
      '${5:Presenter name}',
      '${6:The Improvement Service}',
      '$0',
    ],
  },
  content: {
    description: 'Content slide: title, optional subtitle, up to 7 bullets (2 levels), optional key message callout.',
    body: [
      '<!-- _class: content -->',
      '',
      '## ${1:Slide title}',
      '',
      '### ${2:Subtitle}',
      '',
      '- ${3:First point}',
      '  - ${4:A supporting detail}',
      '- ${5:Second point}',
      '- ${6:Third point}',
      '',
      '> ${7:One key message, drawn as a callout}',
      '$0',
    ],
  },
  models: {
    description: 'Models slide: exactly four **Name** \u2013 description items, drawn as a 2 \u00d7 2 grid.',
    body: [
      '<!-- _class: models -->',
      '',
      '## ${1:Models of service delivery}',
      '',
      '- **${2:Voluntarism}** \u2013 ${3:what this model means, in one or two sentences}',
      '- **${4:Co-production}** \u2013 ${5:what this model means, in one or two sentences}',
      '- **${6:Managerialism}** \u2013 ${7:what this model means, in one or two sentences}',
      '- **${8:Paternalism}** \u2013 ${9:what this model means, in one or two sentences}',
      '$0',
    ],
  },
  'benefits-risks': {
    description: 'Benefits and risks slide: one table headed exactly Benefits | Risks, drawn as two columns.',
    body: [
      '<!-- _class: benefits-risks -->',
      '',
      '## ${1:Benefits and Risks}',
      '',
      '| Benefits | Risks |',
      '|---|---|',
      '| ${2:A benefit} | ${3:The risk that goes with it} |',
      '| ${4:Another benefit} | ${5:Another risk} |',
      '$0',
    ],
  },
  statistics: {
    description: 'Statistics slide: **figure** \u2013 label items, drawn as large figures.',
    body: [
      '<!-- _class: statistics -->',
      '',
      '## ${1:Key figures}',
      '',
      '- **${2:\u00a33bn}** \u2013 ${3:what the figure measures}',
      '- **${4:1.7m}** \u2013 ${5:what the figure measures}',
      '- **${6:56%}** \u2013 ${7:what the figure measures}',
      '$0',
    ],
  },
  chart: {
    description: 'Chart slide: a table (labels, then numeric columns; % and \u00a3 allowed) drawn as a bar chart, with a caption.',
    body: [
      '<!-- _class: chart -->',
      '',
      '## ${1:Chart title}',
      '',
      '| ${2:Category} | ${3:2008} | ${4:2010} |',
      '|---|---|---|',
      '| ${5:First} | ${6:30} | ${7:25} |',
      '| ${8:Second} | ${9:45} | ${10:40} |',
      '| ${11:Third} | ${12:30} | ${13:28} |',
      '',
      '${14:Caption: what the figures measure, and their source}',
      '$0',
    ],
  },
  spectrum: {
    description: 'Spectrum slide: an ordered list of 2 to 6 stages, drawn left to right as a progression.',
    body: [
      '<!-- _class: spectrum -->',
      '',
      '## ${1:The Reform Spectrum}',
      '',
      '1. ${2:Improve existing arrangements}',
      '2. ${3:Core vs non-core}',
      '3. ${4:Sector reform}',
      '4. ${5:Co-production}',
      '$0',
    ],
  },
  discussion: {
    description: 'Group discussion slide, closing a part: one question ending in a question mark.',
    body: ['<!-- _class: discussion -->', '', '## Group Discussion', '', '${1:What question should the group discuss?}', '$0'],
  },
};

/** The eight house slide types, in the house order. */
export const SLIDE_TEMPLATES: readonly SlideTemplate[] = SLIDE_TYPES.map((type) => ({ type, prefix: `is-${type}`, ...TEMPLATES[type] }));

export function slideTemplate(type: SlideType): SlideTemplate {
  return SLIDE_TEMPLATES.find((template) => template.type === type)!;
}

/** A new one-part deck: front-matter, cover, content slide, group discussion (`is-deck`). */
export const DECK_TEMPLATE = {
  prefix: 'is-deck',
  description: 'A new one-part Improvement Service masterclass deck: front-matter, cover, content slide, group discussion.',
  body: [
    '---',
    'marp: true',
    'theme: improvement-service',
    'size: ${1|16:9,4:3|}',
    'lang: en-GB',
    'paginate: true',
    'title: "$3"',
    '---',
    '',
    '<!-- _class: cover -->',
    '',
    '${2:Elected Members Masterclass}',
    '${CURRENT_DATE}/${CURRENT_MONTH}/${CURRENT_YEAR}',
    '',
    '# ${3:Deck title}',
    '',
    '- ${4:The Context}',
    '- Group Discussion',
    '',
    '${5:Presenter name}',
    '${6:The Improvement Service}',
    '',
    '---',
    '',
    '<!-- _class: content -->',
    '',
    '## $4',
    '',
    '- ${7:First point}',
    '- ${8:Second point}',
    '- ${9:Third point}',
    '',
    '> ${10:One key message}',
    '',
    '---',
    '',
    '<!-- _class: discussion -->',
    '',
    '## Group Discussion',
    '',
    '${11:What question should the group discuss?}',
    '$0',
  ] as readonly string[],
} as const;

/** A template as an author would see it after accepting every default (the Markdown it writes). */
export function templateMarkdown(body: readonly string[], now?: Date): string {
  return expandSnippet(body, now ? { now } : {}).replace(/\n+$/, '');
}
