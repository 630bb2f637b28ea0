import { renderSpectrum } from '../export/pptx/slides/spectrum';
import { spectrumRecogniser } from '../import/recognisers/spectrum';
import { BOLD_EM, estimateLines, firstList, flowHeight, itemsHeight, type FitBlock, type SlideGeometry } from '../render/fit';
import type { SlideTypeDeclaration } from './declaration';

function spectrumHeight(blocks: FitBlock[], f: number, g: SlideGeometry): number {
  const list = firstList(blocks);
  if (!list) return flowHeight(blocks, f, g);
  const others = blocks.filter((b) => b !== list);
  const n = Math.max(1, list.items.length);
  const many = n >= 5;
  const chevron = many ? 24 : 34;
  const fi = 0.92 * f * (many ? 0.88 : 1);
  // Each stage's text sits under its chevron, in a column about (width / n) wide.
  const column = (g.width + (n - 1) * (chevron - 10)) / n - chevron - 24;
  let tallest = 0;
  for (const item of list.items) {
    const longestWord = Math.max(0, ...item.text.split(/\s+/).map((w) => [...w].length * BOLD_EM * fi));
    if (longestWord > column) return Number.POSITIVE_INFINITY;
    const text = estimateLines(item.text, fi, column, BOLD_EM) * fi * 1.22;
    const children = item.children.length > 0 ? 0.3 * fi + itemsHeight(item.children, 0.82 * fi, column, 2) : 0;
    tallest = Math.max(tallest, text + children);
  }
  return flowHeight(others, f, g) + 88 + 14 + tallest + f;
}

const declaration: SlideTypeDeclaration<'spectrum'> = {
  name: 'spectrum',
  description: 'Spectrum slide: an ordered list of 2 to 6 stages, drawn left to right as a progression.',
  template: [
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
  fields: [
    { name: 'title', description: 'The `##` slide title' },
    { name: 'stages', description: 'An ordered list of 2 to 6 stages' },
  ],
  fit: { height: spectrumHeight },
  pptx: { draw: renderSpectrum, drawnLayoutName: 'Spectrum' },
  recogniser: spectrumRecogniser,
};

export default declaration;
