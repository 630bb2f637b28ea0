import { renderQuote } from '../export/pptx/slides/quote';
import { quoteRecogniser } from '../import/recognisers/quote';
import { estimateLines, flowHeight, type FitBlock, type SlideGeometry } from '../render/fit';
import type { SlideTypeDeclaration } from './declaration';

/** The theme's quotation size, relative to body text (`section.quote > blockquote`), at 16:9 and 4:3. */
const QUOTE_SCALE = { wide: 1.3, narrow: 1.2 } as const;
/** The attribution's size relative to body text. */
const ATTRIBUTION_SCALE = 0.8;

/** The quotation large beside its bar, the attribution and the rest smaller under it. */
function quoteHeight(blocks: FitBlock[], f: number, g: SlideGeometry): number {
  const fq = f * (g.width < 1000 ? QUOTE_SCALE.narrow : QUOTE_SCALE.wide);
  let h = 0;
  let quoted = false;
  for (const block of blocks) {
    if (block.kind === 'quote') {
      const inner = g.width - 8 - 0.8 * fq;
      for (const p of block.paragraphs) h += estimateLines(p, fq, inner) * fq * 1.3;
      h += 0.2 * fq + 0.5 * fq;
      quoted = true;
    } else if (quoted && block.kind === 'paragraph' && !block.footnote) {
      const fa = ATTRIBUTION_SCALE * f;
      h += estimateLines(block.text, fa, g.width - 8 - 0.8 * fq) * fa * 1.3 + 0.4 * fa;
    } else h += flowHeight([block], f, g);
  }
  return h;
}

const declaration: SlideTypeDeclaration<'quote'> = {
  name: 'quote',
  description: 'Quote slide: a pull-quote (one `>` blockquote) drawn large, then its attribution on a line of its own: \u2014 Name, role.',
  template: [
    '<!-- _class: quote -->',
    '',
    '## ${1:In their words}',
    '',
    '> ${2:The words being quoted, as they were said or written.}',
    '',
    '\u2014 ${3:Name}, ${4:role}',
    '$0',
  ],
  fields: [
    { name: 'title', description: 'The `##` slide title' },
    { name: 'quotation', description: 'The words quoted, as one `>` blockquote' },
    { name: 'attribution', description: 'A line `\u2014 Name, role` under the quotation' },
  ],
  fit: { height: quoteHeight },
  pptx: { draw: renderQuote },
  recogniser: quoteRecogniser,
};

export default declaration;
