import { renderChart } from '../export/pptx/slides/chart';
import { chartRecogniser } from '../import/recognisers/chart';
import { flowHeight } from '../render/fit';
import type { SlideTypeDeclaration } from './declaration';

/** The theme sets a chart slide's paragraphs (its caption) a little smaller than body text. */
const CHART_PARAGRAPH_SCALE = 0.86;

const declaration: SlideTypeDeclaration<'chart'> = {
  name: 'chart',
  description: 'Chart slide: a table (labels, then numeric columns; % and \u00a3 allowed) drawn as a bar chart, with a caption.',
  template: [
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
  fields: [
    { name: 'title', description: 'The `##` slide title' },
    { name: 'table', description: 'Labels, then numeric columns (% and £ allowed)' },
    { name: 'caption', description: 'What the figures measure, and their source' },
  ],
  fit: { height: (blocks, f, g) => flowHeight(blocks, f, g, CHART_PARAGRAPH_SCALE) },
  render: { tableAsChart: true },
  pptx: { draw: renderChart, drawnLayoutName: 'Chart' },
  recogniser: chartRecogniser,
};

export default declaration;
