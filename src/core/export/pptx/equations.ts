import katex from 'katex';
import { mml2omml } from 'mathml2omml';
import type { List, ListItem, RichTextSpan, Slide, SourceRange, TextRun } from '../../deck/types';

/**
 * Formulas as native Office equations. A formula's TeX goes through KaTeX (the library
 * marp-core draws math with) to MathML, and `mathml2omml` to Office Math (OMML). While the
 * slides are drawn, a formula is a marker run in its text; the finishing pass puts the
 * equation in its place the way PowerPoint writes one: the shape in an
 * `mc:AlternateContent` whose choice holds `<a14:m>` with the equation, and whose fallback
 * is the same shape with the formula's TeX as text. The choice requires `a14 m` (the
 * drawing extensions and Office Math, both of which PowerPoint 2010 on reads) where
 * PowerPoint itself writes `a14`: LibreOffice takes an `a14` choice but drops the equation
 * in it (7.4 tested), and with `a14 m` it takes the fallback and shows the TeX. A formula
 * KaTeX cannot read stays as its TeX, with a warning.
 */

export interface Equation {
  tex: string;
  display: boolean;
  /** `<m:oMath>…</m:oMath>`, run properties set for DrawingML. */
  omml: string;
}

const MARKER_OPEN = '\uE000';
const MARKER_CLOSE = '\uE001';
const MARKER_RUN = new RegExp(
  `<a:r>(<a:rPr\\b[^>]*/>|<a:rPr\\b[^>]*>(?:(?!</a:rPr>)[\\s\\S])*</a:rPr>)?<a:t>${MARKER_OPEN}(\\d+)${MARKER_CLOSE}</a:t></a:r>`,
  'g',
);
const SHAPE = /<p:sp>[\s\S]*?<\/p:sp>|<p:graphicFrame>[\s\S]*?<\/p:graphicFrame>/g;
const MATH_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/math';

/** The equations of one presentation, in the order their markers were handed out. */
export class EquationStore {
  private readonly equations: Equation[] = [];

  /** The marker text standing for the formula, or why it cannot be an equation. */
  add(tex: string, display: boolean): { ok: true; marker: string } | { ok: false; reason: string } {
    try {
      this.equations.push({ tex, display, omml: texToOmml(tex, display) });
      return { ok: true, marker: `${MARKER_OPEN}${this.equations.length - 1}${MARKER_CLOSE}` };
    } catch (error) {
      return { ok: false, reason: (error instanceof Error ? error.message : String(error)).split('\n')[0]! };
    }
  }

  get size(): number {
    return this.equations.length;
  }

  /** The slide XML with every marker replaced as described at the top of this module. */
  apply(xml: string): string {
    if (!xml.includes(MARKER_OPEN)) return xml;
    return xml.replace(SHAPE, (shape) => {
      if (!shape.includes(MARKER_OPEN)) return shape;
      const choice = shape.replace(MARKER_RUN, (_run, rPr: string | undefined, index: string) => this.mathXml(Number(index), rPr));
      const fallback = shape.replace(MARKER_RUN, (_run, rPr: string | undefined, index: string) => `<a:r>${rPr ?? ''}<a:t>${escapeXml(this.equations[Number(index)]?.tex ?? '')}</a:t></a:r>`);
      return (
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
        `<mc:Choice xmlns:a14="http://schemas.microsoft.com/office/drawing/2010/main" xmlns:m="${MATH_NS}" Requires="a14 m">${choice}</mc:Choice>` +
        `<mc:Fallback>${fallback}</mc:Fallback></mc:AlternateContent>`
      );
    });
  }

  private mathXml(index: number, runProperties: string | undefined): string {
    const equation = this.equations[index];
    if (!equation) return '';
    const omml = equation.omml.replace(/<m:t\b/g, `${mathRunProperties(runProperties)}<m:t`);
    const body = equation.display
      ? `<m:oMathPara xmlns:m="${MATH_NS}"><m:oMathParaPr><m:jc m:val="centerGroup"/></m:oMathParaPr>${omml}</m:oMathPara>`
      : omml.replace('<m:oMath>', `<m:oMath xmlns:m="${MATH_NS}">`);
    return `<a14:m>${body}</a14:m>`;
  }
}

/**
 * DrawingML run properties for the runs of an equation: the surrounding run's size, weight
 * and colour, in Cambria Math (the font Office sets equations in).
 */
function mathRunProperties(runProperties: string | undefined): string {
  const attributes = /<a:rPr\b([^>]*?)\/?>/.exec(runProperties ?? '')?.[1] ?? '';
  const kept = [...attributes.matchAll(/\s(lang|sz|b)="[^"]*"/g)].map((match) => match[0]).join('');
  const fill = /<a:solidFill>[\s\S]*?<\/a:solidFill>/.exec(runProperties ?? '')?.[0] ?? '';
  return `<a:rPr${kept} i="1">${fill}<a:latin typeface="Cambria Math" panose="02040503050406030204" pitchFamily="18" charset="0"/></a:rPr>`;
}

/** TeX to `<m:oMath>`; throws when KaTeX cannot read the TeX. */
export function texToOmml(tex: string, display: boolean): string {
  const html = katex.renderToString(tex, { output: 'mathml', displayMode: display, throwOnError: true, strict: 'ignore' });
  const mathml = /<math[\s\S]*<\/math>/.exec(html)?.[0];
  if (!mathml) throw new Error('KaTeX gave no MathML');
  // The TeX annotation is for readers of MathML, and mathml2omml does not know it.
  const omml = mml2omml(mathml.replace(/<annotation\b[\s\S]*?<\/annotation>/g, ''));
  return cleanOmml(omml);
}

/**
 * mathml2omml writes for Word: the `w` namespace and empty `w:rPr` slots go (DrawingML run
 * properties take their place), an unknown style (`m:sty m:val="undefined"`) is dropped, and
 * text it leaves bare between elements (the `=` after a sum) is put in a run of its own.
 */
function cleanOmml(omml: string): string {
  return omml
    .replace(/\s+xmlns:(?:w|m)="[^"]*"/g, '')
    .replace(/<w:rPr\/>|<w:rPr>[\s\S]*?<\/w:rPr>/g, '')
    .replace(/<m:sty m:val="undefined"\/>/g, '')
    .replace(/<m:rPr><\/m:rPr>/g, '')
    .replace(/(<\/m:[A-Za-z]+>|<m:[A-Za-z]+\/>)([^<]+)(?=<)/g, (_, tag: string, text: string) => `${tag}<m:r><m:t xml:space="preserve">${text}</m:t></m:r>`);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Draws a formula: the text that stands for it in a run (an equation's marker, or its TeX). */
export type FormulaDrawer = (tex: string, display: boolean, range: SourceRange | undefined) => string;

/**
 * A drawer that makes equations in `store` and, for a formula KaTeX cannot read, draws its
 * TeX and warns (with the formula's range). Without a store, every formula is drawn as TeX.
 */
export function formulaDrawer(store: EquationStore | undefined, warn: (message: string, range?: SourceRange) => void): FormulaDrawer {
  return (tex, display, range) => {
    if (!store) return tex;
    const result = store.add(tex, display);
    if (result.ok) return result.marker;
    warn(`Formula \`${tex.length > 60 ? `${tex.slice(0, 59)}…` : tex}\` could not be made an Office equation (${result.reason}); it is shown as its TeX.`, range);
    return tex;
  };
}

/**
 * The slide with each inline formula's run holding what the drawer gives for it (once per
 * distinct TeX: a formula written twice is one equation), block formulas left to the flow.
 * Everything else is shared with the model.
 */
export function withDrawnFormulas(slide: Slide, draw: FormulaDrawer): Slide {
  const inline = slide.formulas.filter((formula) => !formula.display);
  if (inline.length === 0) return slide;
  const drawn = new Map<string, string>();
  const drawOnce = (tex: string) => {
    let text = drawn.get(tex);
    if (text === undefined) {
      text = draw(tex, false, inline.find((formula) => formula.tex === tex)?.range);
      drawn.set(tex, text);
    }
    return text;
  };
  const runs = (list: readonly TextRun[]): TextRun[] => list.map((run) => (run.math ? { ...run, text: drawOnce(run.text.trim()) } : run));
  const span = <T extends RichTextSpan>(value: T): T => ({ ...value, runs: runs(value.runs) });
  const optional = (value: RichTextSpan | undefined) => value && span(value);
  const item = (value: ListItem): ListItem => ({
    ...span(value),
    boldLead: value.boldLead && { ...value.boldLead, restRuns: runs(value.boldLead.restRuns) },
    children: value.children.map(list),
  });
  const list = (value: List): List => ({ ...value, items: value.items.map(item) });
  const headings = slide.headings.map(span);
  const headingOf = (heading: Slide['title']) => (heading ? headings[slide.headings.indexOf(heading)] : undefined);
  return {
    ...slide,
    headings,
    title: headingOf(slide.title),
    subtitle: headingOf(slide.subtitle),
    paragraphs: slide.paragraphs.map((paragraph) => ({ ...span(paragraph), lines: paragraph.lines.map(span) })),
    lists: slide.lists.map(list),
    tables: slide.tables.map((table) => ({
      ...table,
      header: { ...table.header, cells: table.header.cells.map(span) },
      rows: table.rows.map((row) => ({ ...row, cells: row.cells.map(span) })),
    })),
    blockquotes: slide.blockquotes.map(span),
    header: optional(slide.header),
    footer: optional(slide.footer),
  };
}
