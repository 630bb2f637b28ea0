import { paragraphText, splitLines, withoutUniformFormatting, type Block } from '../blocks';
import { shapeText } from '../decoration';
import { textShapes } from '../geometry';
import type { Run } from '../model';
import type { SlideRecogniser } from './recogniser';

const DISCUSSION_TITLE = /^group\s+discussion\W*$/i;

/**
 * `discussion`: a slide titled "Group Discussion" (in the title, or in a text of its own
 * on a slide without one). All its other text is the question, one paragraph: each of the
 * slide's paragraphs a line of it.
 */
export const discussionRecogniser: SlideRecogniser = {
  type: 'discussion',
  recognise(slide) {
    const texts = textShapes(slide.shapes);
    const label = slide.title === undefined ? texts.find((shape) => DISCUSSION_TITLE.test(shapeText(shape))) : undefined;
    const title = slide.title ?? (label ? shapeText(label) : undefined);
    if (title === undefined || !DISCUSSION_TITLE.test(title)) return undefined;
    const questionShapes = texts.filter((shape) => shape !== label);
    const lines: Run[][] = questionShapes.flatMap((shape) =>
      withoutUniformFormatting(shape.paragraphs).flatMap((paragraph) => (paragraphText(paragraph).trim() === '' ? [] : splitLines(paragraph.runs))),
    );
    const blocks: Block[] = [{ kind: 'heading', level: 2, text: title }];
    if (lines.length > 0) blocks.push({ kind: 'paragraph', lines });
    const findings = lines.length > 1 ? ['the discussion slide had several texts: they are one question now; keep one question ending in ?'] : [];
    return { blocks, claimed: new Set([...questionShapes, ...(label ? [label] : [])]), ownsTitle: true, findings };
  },
};
