import { paragraphText, plain, withoutUniformFormatting, wordCount, type Block } from '../blocks';
import { shapeText } from '../decoration';
import { textShapes } from '../geometry';
import type { Run } from '../model';
import type { SlideRecogniser } from './recogniser';

/** An attribution is one short line. */
const ATTRIBUTION_MAX_WORDS = 15;
const ATTRIBUTION_DASHES = ['\u2014', '\u2013'];

/**
 * `quote`: a slide with exactly two texts, the second a short line that starts with a dash
 * (`— Name, role`): the first is the quotation, the second its attribution. The attribution
 * keeps its words; its dash is written `—`, the house's form (a `-` would start a list).
 */
export const quoteRecogniser: SlideRecogniser = {
  type: 'quote',
  recognise(slide) {
    const texts = textShapes(slide.shapes);
    const [quotation, attribution] = texts;
    if (texts.length !== 2 || !quotation || !attribution || attribution.paragraphs.length !== 1) return undefined;
    const line = shapeText(attribution).trim();
    const dash = ATTRIBUTION_DASHES.find((candidate) => line.startsWith(candidate));
    if (!dash || wordCount(line) > ATTRIBUTION_MAX_WORDS) return undefined;
    const quoteRuns: Run[] = withoutUniformFormatting(quotation.paragraphs).flatMap((paragraph, index) =>
      paragraphText(paragraph).trim() === '' ? [] : [...(index > 0 ? [plain('\n')] : []), ...paragraph.runs],
    );
    const blocks: Block[] = [
      { kind: 'quote', runs: quoteRuns },
      { kind: 'paragraph', lines: [[plain(`\u2014 ${line.slice(dash.length).trim()}`)]] },
    ];
    return { blocks, claimed: new Set([quotation, attribution]) };
  },
};
