import { renderModels } from '../export/pptx/slides/models';
import { modelsRecogniser } from '../import/recognisers/models';
import { BOLD_EM, estimateLines, firstList, flowHeight, type FitBlock, type SlideGeometry } from '../render/fit';
import type { SlideTypeDeclaration } from './declaration';

function modelsHeight(blocks: FitBlock[], f: number, g: SlideGeometry): number {
  const list = firstList(blocks);
  if (!list) return flowHeight(blocks, f, g);
  const others = blocks.filter((b) => b !== list);
  const fm = 0.74 * f;
  const cellWidth = (g.width - 20) / 2 - 1.6 * fm;
  const cells = list.items.map((item) => {
    const name = item.lead
      ? estimateLines(item.lead, 1.35 * fm, cellWidth, BOLD_EM) * 1.35 * fm * 1.1 + 0.25 * fm
      : 0;
    const text = item.lead ? item.rest : item.text;
    return name + estimateLines(text, fm, cellWidth) * fm * 1.28 + 1.05 * fm + 6;
  });
  const rows = Math.ceil(cells.length / 2);
  // grid-auto-rows: 1fr makes every row as tall as the tallest.
  const tallest = Math.max(0, ...cells);
  return flowHeight(others, f, g) + rows * tallest + (rows - 1) * 16;
}

const declaration: SlideTypeDeclaration<'models'> = {
  name: 'models',
  description: 'Models slide: exactly four **Name** \u2013 description items, drawn as a 2 \u00d7 2 grid.',
  template: [
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
  fields: [
    { name: 'title', description: 'The `##` slide title' },
    { name: 'models', description: 'Exactly four `**Name** – description` items' },
  ],
  fit: { height: modelsHeight },
  render: { boldLeadItems: true },
  pptx: { draw: renderModels, drawnLayoutName: 'Models (2 × 2)' },
  recogniser: modelsRecogniser,
};

export default declaration;
