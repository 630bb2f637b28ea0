/**
 * The house slide types as an author meets them in the editor: a name, what the slide is for,
 * and a Markdown template in VS Code snippet syntax (`${1:default}` placeholders), each taken
 * from the type's declaration (src/core/slide-types). The editor's
 * completions (`is-cover`, …), the Insert House Slide command and the whole-deck template
 * `is-deck` all come from here, so there is one template a type. Every template, accepted with
 * its defaults, renders and lints clean (test/render/snippets.test.ts).
 *
 * A slide template has no slide break of its own: where it goes (after the current slide's
 * closing `---`, or into an empty slide) is decided by `slideInsertion` (deck/insert-slide.ts).
 */
import { SLIDE_TYPE_DECLARATIONS, type SlideType } from './slide-types';
import { expandSnippet } from './snippets/expand';

export interface SlideTemplate {
  type: SlideType;
  /** What the completion offers: `is-<type>`. */
  prefix: string;
  description: string;
  /** The slide in snippet syntax, one string a line. */
  body: readonly string[];
}

/** The house slide types, in the house order, as their declarations give them. */
export const SLIDE_TEMPLATES: readonly SlideTemplate[] = SLIDE_TYPE_DECLARATIONS.map(({ name, description, template }) => ({
  type: name,
  prefix: `is-${name}`,
  description,
  body: template,
}));

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
