/**
 * Texts that lead with a head: a shape whose first paragraph heads the rest, or a one-line
 * shape with a text of its own under it. Models (a name over a description) and statistics
 * (a figure over a label) are both made of them.
 */
import { paragraphText, withoutUniformFormatting, wordCount } from '../blocks';
import { nearestBelow } from '../geometry';
import type { Box, Paragraph, TextShape } from '../model';

export interface HeadedText {
  head: Paragraph;
  body: Paragraph[];
  shapes: TextShape[];
  /** Where the head stands. */
  box: Box | undefined;
}

/** A head is a short line. */
const HEAD_MAX_WORDS = 8;

export function headedTexts(texts: readonly TextShape[]): HeadedText[] {
  const headed: HeadedText[] = [];
  const used = new Set<TextShape>();
  for (const shape of texts) {
    const [head, ...body] = shape.paragraphs;
    if (!head || body.length === 0 || wordCount(paragraphText(head)) > HEAD_MAX_WORDS) continue;
    headed.push({ head, body, shapes: [shape], box: shape.box });
    used.add(shape);
  }
  for (const shape of texts) {
    const head = shape.paragraphs[0];
    if (used.has(shape) || !head || shape.paragraphs.length !== 1 || !shape.box || wordCount(paragraphText(head)) > HEAD_MAX_WORDS) continue;
    const body = nearestBelow(shape.box, texts.filter((other) => other !== shape && !used.has(other)));
    if (!body) continue;
    headed.push({ head, body: body.paragraphs, shapes: [shape, body], box: shape.box });
    used.add(shape);
    used.add(body);
  }
  return headed;
}

/** Whether a head stands out from its body: bold where the body is not, or set larger. */
export function headStandsOut(text: HeadedText): boolean {
  const headBold = text.head.runs.every((run) => run.bold || run.text.trim() === '');
  const bodyBold = text.body.every((paragraph) => paragraph.runs.every((run) => run.bold || run.text.trim() === ''));
  const larger = (text.head.size ?? 0) > Math.max(0, ...text.body.map((paragraph) => paragraph.size ?? 0));
  return (headBold && !bodyBold) || larger;
}

/** The body's runs with the body's uniform formatting dropped. */
export function bodyParagraphs(text: HeadedText): Paragraph[] {
  return withoutUniformFormatting(text.body);
}
