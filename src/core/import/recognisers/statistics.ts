import { oneLine, paragraphText, plain, runsOnOneLine, wordCount, type ListItem } from '../blocks';
import { textShapes } from '../geometry';
import type { Paragraph, Run, TextShape } from '../model';
import { bodyParagraphs, headedTexts } from './headed';
import type { SlideRecogniser } from './recogniser';

/** `£3bn`, `1.7m`, `100,000`, `56%`, `90%+`, `3x`, `£22 million`. */
const FIGURE = /^[£$€]?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|bn|m|k|x|million|billion|thousand))?\+?$/i;
/** A figure leading a line: `£3bn – saved by …`, `1.7m patients with …`. */
const LEADING_FIGURE = /^([£$€]?\d[\d,]*(?:\.\d+)?(?:%|bn|m|k|x)?\+?)(?:\s*[–—:-]\s+|\s+)(\S.*)$/i;
/** A year leads a timeline, not a figure. */
const YEAR = /^(1[89]|20)\d\d$/;
/** A figure's label is short; a longer line is a point that happens to start with a number. */
const LABEL_MAX_WORDS = 15;

const isFigure = (text: string) => FIGURE.test(text) && !YEAR.test(text);

/**
 * `statistics`: short figure-led items. Either texts that each lead with a figure on a line
 * of its own (the figure drawn large over its label), at least two and most of the slide's
 * texts; or a list of three or more lines that each start with a figure and a short label.
 */
export const statisticsRecogniser: SlideRecogniser = {
  type: 'statistics',
  recognise(slide) {
    const texts = textShapes(slide.shapes);
    const figures = headedTexts(texts).filter((text) => isFigure(oneLine(paragraphText(text.head))));
    if (figures.length >= 2 && figures.length * 2 >= texts.length) {
      const items = figures.map((text) => item(oneLine(paragraphText(text.head)), runsOnOneLine(bodyParagraphs(text))));
      return { blocks: [{ kind: 'list', items }], claimed: new Set(figures.flatMap((text) => text.shapes)) };
    }
    const list = texts.find((shape) => figureLines(shape) !== undefined);
    if (!list) return undefined;
    return { blocks: [{ kind: 'list', items: figureLines(list)! }], claimed: new Set([list]) };
  },
};

function item(figure: string, label: Run[]): ListItem {
  return { depth: 1, ordered: false, runs: [{ text: figure, bold: true, italic: false }, plain(' – '), ...label] };
}

/** A text's paragraphs as figure items, when there are three or more and every one leads with a figure. */
function figureLines(shape: TextShape): ListItem[] | undefined {
  const paragraphs: Paragraph[] = shape.paragraphs;
  if (paragraphs.length < 3) return undefined;
  const items: ListItem[] = [];
  for (const paragraph of paragraphs) {
    const text = oneLine(paragraphText(paragraph));
    const match = LEADING_FIGURE.exec(text);
    if (!match || YEAR.test(match[1]!) || wordCount(match[2]!) > LABEL_MAX_WORDS) return undefined;
    items.push(item(match[1]!, [plain(match[2]!)]));
  }
  return items;
}
