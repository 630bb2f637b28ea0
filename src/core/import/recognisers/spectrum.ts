import { oneLine, runsOnOneLine, runsText, withoutUniformFormatting, type Block } from '../blocks';
import { shapeText } from '../decoration';
import { centre, inOneRow, leftToRight, textShapes } from '../geometry';
import type { ImportSlide } from '../frame';
import type { LineShape, Run, TextShape } from '../model';
import type { SlideRecogniser } from './recogniser';

/** Shapes drawn as a step of a progression. */
const STAGE_GEOMETRIES = new Set(['chevron', 'homePlate', 'pentagon', 'rightArrow', 'notchedRightArrow', 'stripedRightArrow']);
/** A stage says a few words; longer text by a line is a caption, not a stage. */
const STAGE_MAX_WORDS = 8;

/**
 * `spectrum`: a row of two or more chevron or arrow shapes holding text, or a long
 * horizontal line (or arrow) with short texts along it, read left to right as the ordered
 * stages. A number that only counts the stage (`1`) is left to the list's numbering.
 */
export const spectrumRecogniser: SlideRecogniser = {
  type: 'spectrum',
  recognise(slide) {
    const stages = chevronRow(slide) ?? stageLine(slide);
    if (!stages) return undefined;
    const items = stages.map((shape) => ({ depth: 1, ordered: true, runs: stageRuns(shape) }));
    const block: Block = { kind: 'list', items };
    const findings = stages.length > 6 ? [`the progression has ${stages.length} stages; the house shows 2 to 6`] : [];
    return { blocks: [block], claimed: new Set(stages), findings };
  },
};

function chevronRow(slide: ImportSlide): TextShape[] | undefined {
  const stages = textShapes(slide.shapes).filter((shape) => STAGE_GEOMETRIES.has(shape.geometry) && shape.box);
  if (stages.length < 2 || !inOneRow(stages.map((shape) => shape.box!))) return undefined;
  return leftToRight(stages);
}

function stageLine(slide: ImportSlide): TextShape[] | undefined {
  const line = slide.shapes.find(
    (shape): shape is LineShape => shape.kind === 'line' && shape.box !== undefined && shape.box.w >= slide.width * 0.5 && shape.box.h <= slide.height * 0.05,
  );
  if (!line?.box) return undefined;
  const lineY = centre(line.box).y;
  const texts = textShapes(slide.shapes);
  const near = texts.filter((shape) => shape.box && Math.abs(centre(shape.box).y - lineY) <= 1.0 && oneLine(shapeText(shape)).split(' ').length <= STAGE_MAX_WORDS);
  if (near.length < 2 || near.length !== texts.length) return undefined;
  return leftToRight(near);
}

/** A stage's text on one line, without a first paragraph that only numbers it. */
function stageRuns(shape: TextShape): Run[] {
  const paragraphs = withoutUniformFormatting(shape.paragraphs);
  return runsOnOneLine(paragraphs.filter((paragraph, index) => !(index === 0 && paragraphs.length > 1 && /^\d+\.?$/.test(runsText(paragraph.runs).trim()))));
}
