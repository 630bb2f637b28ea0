import { renderContent } from '../export/pptx/slides/content';
import { contentRecogniser } from '../import/recognisers/content';
import { FLOW_FIT } from '../render/fit';
import type { SlideTypeDeclaration } from './declaration';

const declaration: SlideTypeDeclaration<'content'> = {
  name: 'content',
  description: 'Content slide: title, optional subtitle, up to 7 bullets (2 levels), optional key message callout.',
  template: [
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
  fields: [
    { name: 'title', description: 'The `##` slide title' },
    { name: 'subtitle', description: 'An optional `###` subtitle' },
    { name: 'bullets', description: 'Up to 7 bullets, two levels' },
    { name: 'key message', description: 'An optional `>` callout' },
  ],
  fit: FLOW_FIT,
  pptx: { draw: renderContent, layout: (_slide, hasInlinePictures) => (hasInlinePictures ? 'content-picture' : undefined) },
  recogniser: contentRecogniser,
};

export default declaration;
