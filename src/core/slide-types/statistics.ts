import { renderStatistics } from '../export/pptx/slides/statistics';
import { statisticsRecogniser } from '../import/recognisers/statistics';
import { BOLD_EM, estimateLines, firstList, flowHeight, type FitBlock, type SlideGeometry } from '../render/fit';
import type { SlideTypeDeclaration } from './declaration';

function statisticsHeight(blocks: FitBlock[], f: number, g: SlideGeometry): number {
  const list = firstList(blocks);
  if (!list) return flowHeight(blocks, f, g);
  const others = blocks.filter((b) => b !== list);
  const n = list.items.length;
  const columns = n === 2 || n === 4 ? 2 : n >= 7 ? (g.width < 1000 ? 3 : 4) : Math.min(3, Math.max(1, n));
  const fs = 0.8 * f;
  const colWidth = (g.width - (columns - 1) * 1.2 * f) / columns - 0.6 * fs - 5;
  const heights = list.items.map((item) => {
    const figure = item.lead ?? '';
    const label = item.lead ? item.rest : item.text;
    const fig = figure ? estimateLines(figure, 2.3 * fs, colWidth, BOLD_EM) * 2.3 * fs * 1.05 + 0.1 * fs : 0;
    return fig + estimateLines(label, fs, colWidth) * fs * 1.25 + 0.25 * fs;
  });
  let h = 0;
  for (let r = 0; r < heights.length; r += columns) h += Math.max(...heights.slice(r, r + columns));
  const rows = Math.ceil(n / columns);
  return flowHeight(others, f, g) + h + (rows - 1) * 0.9 * f + 0.7 * f;
}

const declaration: SlideTypeDeclaration<'statistics'> = {
  name: 'statistics',
  description: 'Statistics slide: **figure** \u2013 label items, drawn as large figures.',
  template: [
    '<!-- _class: statistics -->',
    '',
    '## ${1:Key figures}',
    '',
    '- **${2:\u00a33bn}** \u2013 ${3:what the figure measures}',
    '- **${4:1.7m}** \u2013 ${5:what the figure measures}',
    '- **${6:56%}** \u2013 ${7:what the figure measures}',
    '$0',
  ],
  fields: [
    { name: 'title', description: 'The `##` slide title' },
    { name: 'figures', description: '`**figure** – label` items' },
  ],
  fit: { height: statisticsHeight },
  render: { boldLeadItems: true },
  pptx: { draw: renderStatistics, drawnLayoutName: 'Statistics' },
  recogniser: statisticsRecogniser,
};

export default declaration;
