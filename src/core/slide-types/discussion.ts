import { renderDiscussion } from '../export/pptx/slides/discussion';
import { discussionRecogniser } from '../import/recognisers/discussion';
import { BOLD_EM, estimateLines, flowHeight, type FitBlock, type SlideGeometry } from '../render/fit';
import type { SlideTypeDeclaration } from './declaration';

/** The title every discussion slide carries (rules check it, fixes write it). */
export const DISCUSSION_TITLE = 'Group Discussion';

function discussionHeight(blocks: FitBlock[], f: number, g: SlideGeometry): number {
  let h = 0;
  const scale = f / g.baseSize;
  for (const block of blocks) {
    if (block.kind === 'heading') h += 26 * 1.1 + 12 + 0.6 * 26;
    else if (block.kind === 'paragraph' && !block.footnote) {
      const fq = g.titleSize * 1.2 * scale;
      h += estimateLines(block.text, fq, g.width * 0.92, BOLD_EM) * fq * 1.15 + 0.4 * fq;
    } else h += flowHeight([block], f, g);
  }
  return h;
}

const declaration: SlideTypeDeclaration<'discussion'> = {
  name: 'discussion',
  description: 'Group discussion slide, closing a part: one question ending in a question mark.',
  template: ['<!-- _class: discussion -->', '', `## ${DISCUSSION_TITLE}`, '', '${1:What question should the group discuss?}', '$0'],
  fields: [
    { name: 'title', description: `\`## ${DISCUSSION_TITLE}\`` },
    { name: 'question', description: 'One question ending in a question mark' },
  ],
  fit: { height: discussionHeight },
  pptx: { draw: renderDiscussion },
  recogniser: discussionRecogniser,
};

export default declaration;
