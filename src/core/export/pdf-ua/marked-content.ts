/**
 * What a page's content stream paints, and inside which marked content (PDF 1.7 §14.6):
 * the groups of painting operations (a text object, a path, an XObject, a shading, an inline
 * image), each with the marked-content sequences around it and where it lies on the page.
 * The artifact rewrite and the PDF/UA checker both read pages through this one walk.
 */
import { type Operation, numbers, OTHER_PAINTING, PATH_CONSTRUCTION, PATH_PAINTING, TEXT_SHOWING } from './content-stream';

/** A BDC/BMC sequence: its tag, and its MCID when the properties are an inline dictionary with one. */
export interface MarkedSequence {
  tag: string;
  mcid: number | undefined;
  /** The index of its BDC/BMC operation. */
  open: number;
}

export type PaintKind = 'text' | 'path' | 'image' | 'shading' | 'xobject';

export interface PaintGroup {
  kind: PaintKind;
  /** Indices of the first and last operation of the group. */
  first: number;
  last: number;
  /** The marked-content sequences around it, outermost first. */
  marks: MarkedSequence[];
  /** Bounding box in page space: [xMin, yMin, xMax, yMax] (text: its origins only). */
  box: [number, number, number, number];
  /** Text-showing operators in the group. */
  textOperators: number;
  /** For `Do`: the XObject's resource name. */
  xobject?: string;
}

type Matrix = [number, number, number, number, number, number];
/** Operators whose numeric operands the walk reads. */
const NEEDS_NUMBERS = new Set(['cm', 'Tm', 'Td', 'TD', 'TL', 're', 'm', 'l', 'c', 'v', 'y']);
const NO_NUMBERS: number[] = [];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n (PDF row-vector convention: a point p maps to p × m × n). */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
}

const latin1 = new TextDecoder('latin1');
const MCID = /\/MCID\s+(\d+)/;

function markedSequence(bytes: Uint8Array, operation: Operation, index: number): MarkedSequence {
  const [tag, properties] = operation.operands;
  const mcid = properties?.kind === 'other' ? MCID.exec(latin1.decode(bytes.subarray(properties.start, properties.end)))?.[1] : undefined;
  return { tag: tag?.kind === 'name' ? tag.value : '', mcid: mcid === undefined ? undefined : Number(mcid), open: index };
}

function matrixOf(values: number[]): Matrix | undefined {
  return values.length === 6 ? (values as Matrix) : undefined;
}

/** The painting groups of a content stream, in order. */
export function paintGroups(bytes: Uint8Array, operations: readonly Operation[]): PaintGroup[] {
  const groups: PaintGroup[] = [];
  const marks: MarkedSequence[] = [];
  const states: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let lineMatrix: Matrix = IDENTITY;
  let leading = 0;
  let text: PaintGroup | undefined;
  let path: { first: number; points: [number, number][] } | undefined;

  const box = (points: [number, number][]): PaintGroup['box'] => {
    if (points.length === 0) return [0, 0, 0, 0];
    const out: PaintGroup['box'] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of points) {
      if (x < out[0]) out[0] = x;
      if (y < out[1]) out[1] = y;
      if (x > out[2]) out[2] = x;
      if (y > out[3]) out[3] = y;
    }
    return out;
  };
  /** Translates the text line matrix (Td, TD, T*, '): only its offset changes, so it is changed in place. */
  const nextLine = (tx: number, ty: number): void => {
    if (lineMatrix === IDENTITY) lineMatrix = [...IDENTITY];
    lineMatrix[4] += tx * lineMatrix[0] + ty * lineMatrix[2];
    lineMatrix[5] += tx * lineMatrix[1] + ty * lineMatrix[3];
  };

  for (let index = 0; index < operations.length; index++) {
    const operation = operations[index]!;
    const op = operation.operator;
    const values = NEEDS_NUMBERS.has(op) ? numbers(operation) : NO_NUMBERS;
    switch (op) {
      case 'q':
        states.push(ctm);
        break;
      case 'Q':
        ctm = states.pop() ?? IDENTITY;
        break;
      case 'cm':
        ctm = multiply(matrixOf(values) ?? IDENTITY, ctm);
        break;
      case 'BDC':
      case 'BMC':
        marks.push(markedSequence(bytes, operation, index));
        break;
      case 'EMC':
        marks.pop();
        break;
      case 'BT':
        lineMatrix = IDENTITY;
        break;
      case 'ET':
        text = undefined;
        break;
      case 'Tm':
        lineMatrix = matrixOf(values) ?? [...IDENTITY];
        break;
      case 'Td':
      case 'TD':
        if (op === 'TD') leading = -(values[1] ?? 0);
        nextLine(values[0] ?? 0, values[1] ?? 0);
        break;
      case 'TL':
        leading = values[0] ?? 0;
        break;
      case 'T*':
        nextLine(0, -leading);
        break;
      default:
        break;
    }
    if (TEXT_SHOWING.has(op)) {
      if (op === "'" || op === '"') nextLine(0, -leading);
      // The text space origin on the page: (0, 0) × line matrix × CTM.
      const origin = apply(ctm, lineMatrix[4], lineMatrix[5]);
      // One group a text object, split where the marked content around it changes.
      if (text && text.marks.length === marks.length && text.marks.every((mark, i) => mark === marks[i])) {
        text.last = index;
        text.textOperators++;
        const b = text.box;
        if (origin[0] < b[0]) b[0] = origin[0];
        if (origin[1] < b[1]) b[1] = origin[1];
        if (origin[0] > b[2]) b[2] = origin[0];
        if (origin[1] > b[3]) b[3] = origin[1];
      } else {
        text = { kind: 'text', first: index, last: index, marks: [...marks], box: box([origin]), textOperators: 1 };
        groups.push(text);
      }
    } else if (PATH_CONSTRUCTION.has(op)) {
      path ??= { first: index, points: [] };
      if (op === 're' && values.length === 4) {
        const [x, y, w, h] = values as [number, number, number, number];
        path.points.push(apply(ctm, x, y), apply(ctm, x + w, y + h));
      } else {
        for (let i = 0; i + 1 < values.length; i += 2) path.points.push(apply(ctm, values[i]!, values[i + 1]!));
      }
    } else if (PATH_PAINTING.has(op) || op === 'n') {
      if (path && op !== 'n') groups.push({ kind: 'path', first: path.first, last: index, marks: [...marks], box: box(path.points), textOperators: 0 });
      path = undefined;
    } else if (OTHER_PAINTING.has(op)) {
      const kind: PaintKind = op === 'BI' ? 'image' : op === 'sh' ? 'shading' : 'xobject';
      const name = operation.operands[0];
      groups.push({
        kind,
        first: index,
        last: index,
        marks: [...marks],
        box: box([apply(ctm, 0, 0), apply(ctm, 1, 1)]),
        textOperators: 0,
        ...(op === 'Do' && name?.kind === 'name' ? { xobject: name.value } : {}),
      });
    }
  }
  return groups;
}

/** Whether content inside `marks` is tagged: inside an Artifact, or in a sequence with an MCID. */
export function isTagged(marks: readonly MarkedSequence[]): boolean {
  return marks.some((mark) => mark.tag === 'Artifact' || mark.mcid !== undefined);
}

/** The innermost MCID around a group, if any. */
export function innermostMcid(marks: readonly MarkedSequence[]): MarkedSequence | undefined {
  for (let i = marks.length - 1; i >= 0; i--) if (marks[i]!.mcid !== undefined) return marks[i];
  return undefined;
}
