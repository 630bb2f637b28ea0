import { joinLines, paragraphText, plain, runsText, tableBlock, withoutUniformFormatting, type Block } from '../blocks';
import { nearestBelow, textShapes } from '../geometry';
import type { Paragraph, Run, Shape, TableShape, TextShape } from '../model';
import type { SlideRecogniser } from './recogniser';

const BENEFITS = /^benefits?:?$/i;
const RISKS = /^risks?:?$/i;

/**
 * `benefits-risks`: a two-column table headed Benefits and Risks; or two columns of text
 * headed so (the heading as the first line of a text, or a text of its own with the list
 * under it), paired row by row into that table.
 */
export const benefitsRisksRecogniser: SlideRecogniser = {
  type: 'benefits-risks',
  recognise(slide) {
    const table = slide.shapes.find((shape): shape is TableShape => shape.kind === 'table' && isHeader(shape.rows[0]?.map(cellText) ?? []));
    if (table) {
      const block = tableBlock(table);
      return block ? { blocks: [block], claimed: new Set([table]) } : undefined;
    }
    const texts = textShapes(slide.shapes);
    const benefits = column(texts, BENEFITS);
    const risks = column(texts, RISKS);
    if (!benefits || !risks) return undefined;
    const rows = Math.max(benefits.items.length, risks.items.length);
    const cell = (items: Paragraph[], row: number): Run[] => (items[row] ? joinLines(items[row].runs) : []);
    const block: Block = {
      kind: 'table',
      rows: [[[plain(benefits.heading)], [plain(risks.heading)]], ...Array.from({ length: rows }, (_, row) => [cell(benefits.items, row), cell(risks.items, row)])],
    };
    const findings = benefits.items.length !== risks.items.length ? ['the Benefits and Risks columns had different lengths: their rows were paired in order; check them'] : [];
    return { blocks: [block], claimed: new Set<Shape>([...benefits.shapes, ...risks.shapes]), findings };
  },
};

function cellText(cell: readonly Paragraph[]): string {
  return cell.map(paragraphText).join(' ').trim();
}

function isHeader(cells: readonly string[]): boolean {
  return cells.length === 2 && BENEFITS.test(cells[0]!) && RISKS.test(cells[1]!);
}

/** A column headed by `heading`: its items, and the shapes it was read from. */
function column(texts: readonly TextShape[], heading: RegExp): { heading: string; items: Paragraph[]; shapes: TextShape[] } | undefined {
  for (const shape of texts) {
    const [first, ...rest] = withoutUniformFormatting(shape.paragraphs);
    if (!first || !heading.test(runsText(first.runs).trim())) continue;
    const title = runsText(first.runs).trim();
    if (rest.length > 0) return { heading: title, items: rest, shapes: [shape] };
    const body = shape.box ? nearestBelow(shape.box, texts.filter((other) => other !== shape)) : undefined;
    if (body) return { heading: title, items: withoutUniformFormatting(body.paragraphs), shapes: [shape, body] };
  }
  return undefined;
}
