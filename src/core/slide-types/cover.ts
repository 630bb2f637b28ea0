import { renderCover } from '../export/pptx/slides/cover';
import { coverRecogniser } from '../import/recognisers/cover';
import { BOLD_EM, estimateLines, flowHeight, type FitBlock, type SlideGeometry } from '../render/fit';
import { COVER_PAD_TOP_PX } from '../house-geometry';
import type { SlideTypeDeclaration } from './declaration';

function coverHeight(blocks: FitBlock[], f: number, g: SlideGeometry): number {
  const scale = f / g.baseSize;
  const width = g.width * 0.78;
  let h = 0;
  blocks.forEach((block, i) => {
    const small = 22 * scale;
    if (block.kind === 'paragraph') {
      const lines = block.text.split('\n').reduce((n, line) => n + estimateLines(line, small, width, BOLD_EM), 0);
      h += lines * small * 1.35 + (i === 0 ? 0.9 * small : 0);
    } else if (block.kind === 'heading' && block.level === 1) {
      const t = g.titleSize * 1.25 * scale;
      h += estimateLines(block.text, t, width, BOLD_EM) * t * 1.08 + 18 + 0.3 * t;
    } else if (block.kind === 'heading') {
      const t = g.titleSize * 0.78 * scale;
      h += estimateLines(block.text, t, width, BOLD_EM) * t * 1.1 + 0.5 * t;
    } else if (block.kind === 'list') {
      h += 0.8 * small * 1.3 + 0.2 * small + 0.7 * small;
      for (const item of block.items) h += estimateLines(item.text, small, width - 20) * small * 1.3 + 0.15 * small;
    } else h += flowHeight([block], f, g);
  });
  return h + 0.5 * 22 * scale;
}

/**
 * A cover in snippet syntax, one tab stop a field (in the order of `fields`); `partLine` is what
 * stands under the deck title: a later part's `##` part title, or the first cover's agenda.
 */
function coverTemplate(partLine: string): readonly string[] {
  return [
    '<!-- _class: cover -->',
    '',
    '${1:Elected Members Masterclass}',
    '${2:${CURRENT_DATE}/${CURRENT_MONTH}/${CURRENT_YEAR}}',
    '',
    '# ${3:Deck title}',
    '',
    partLine,
    '',
    '${5:Presenter name}',
    '${6:The Improvement Service}',
    '$0',
  ];
}

/** The deck's first cover: an agenda list (`- item` lines) where a later cover has its part title. */
export const FIRST_COVER_TEMPLATE = coverTemplate('${4:- The first part}');

const declaration: SlideTypeDeclaration<'cover'> = {
  name: 'cover',
  description: 'Cover slide opening a part: series and date, deck title, part title, presenter and organisation (repeat the first cover\u2019s values).',
  template: coverTemplate('## ${4:Part title}'),
  fields: [
    { name: 'series', description: 'The series, e.g. Elected Members Masterclass' },
    { name: 'date', description: 'The date, dd/mm/yyyy' },
    { name: 'deck title', description: 'The `#` deck title' },
    { name: 'part title', description: 'The `##` part title (later covers), or an agenda list (the first cover)' },
    { name: 'presenter', description: 'Presenter name' },
    { name: 'organisation', description: 'Organisation' },
  ],
  fit: { paddingTop: COVER_PAD_TOP_PX, height: coverHeight },
  pptx: { draw: renderCover, layout: (slide) => (slide.cover?.partTitle ? 'part-cover' : undefined) },
  recogniser: coverRecogniser,
};

export default declaration;
