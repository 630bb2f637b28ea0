import { renderBenefitsRisks } from '../export/pptx/slides/benefits-risks';
import { benefitsRisksRecogniser } from '../import/recognisers/benefits-risks';
import { flowHeight, tableHeight, type FitBlock, type SlideGeometry } from '../render/fit';
import type { SlideTypeDeclaration } from './declaration';

function benefitsRisksHeight(blocks: FitBlock[], f: number, g: SlideGeometry): number {
  const table = blocks.find((b): b is Extract<FitBlock, { kind: 'table' }> => b.kind === 'table');
  if (!table) return flowHeight(blocks, f, g);
  const others = blocks.filter((b) => b !== table);
  const ft = 0.86 * f;
  const col = (g.width - 20) / 2 - 0.3 * ft;
  return flowHeight(others, f, g) + tableHeight(table.rows, ft, g.width, [col, col]) + 0.2 * ft;
}

const declaration: SlideTypeDeclaration<'benefits-risks'> = {
  name: 'benefits-risks',
  description: 'Benefits and risks slide: one table headed exactly Benefits | Risks, drawn as two columns.',
  template: [
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
  fields: [
    { name: 'title', description: 'The `##` slide title' },
    { name: 'table', description: 'A table headed `Benefits | Risks`, one pair a row' },
  ],
  fit: { height: benefitsRisksHeight },
  pptx: { draw: renderBenefitsRisks, drawnLayoutName: 'Benefits and risks' },
  recogniser: benefitsRisksRecogniser,
};

export default declaration;
