/**
 * A presentation as the reader gives it to the recognisers: slides as positioned content in
 * reading order, with no XML left. Positions are in inches from the slide's top-left corner.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A stretch of text in one format. A soft line break (`<a:br/>`) is a `\n` in the text. */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  /** An `http(s):` or `mailto:` hyperlink on the run. */
  link?: string;
}

export interface Paragraph {
  runs: Run[];
  /** 0 for the first level, as PowerPoint's `lvl`. */
  level: number;
  bullet: 'none' | 'bullet' | 'number';
  /** Font size in points of the paragraph's first run, when known. */
  size: number | undefined;
}

/** What a placeholder stands for; `body` covers body, object and untyped placeholders. */
export type PlaceholderRole = 'title' | 'subtitle' | 'body' | 'date' | 'footer' | 'slide-number' | 'header' | 'picture' | 'other';

interface ShapeBase {
  /** The shape's name in PowerPoint's selection pane. */
  name: string;
  /** The shape's description (alt text). */
  description: string;
  box: Box | undefined;
}

export interface TextShape extends ShapeBase {
  kind: 'text';
  placeholder: PlaceholderRole | undefined;
  /** Preset geometry (`rect`, `roundRect`, `chevron`, `line`, …), `custom` for freeforms. */
  geometry: string;
  /** Whether the shape has a fill of its own (a tinted box, a card, a chevron). */
  filled: boolean;
  paragraphs: Paragraph[];
}

export interface TableShape extends ShapeBase {
  kind: 'table';
  /** Rows of cells; a cell is its paragraphs. A merged-over cell is empty. */
  rows: Paragraph[][][];
}

export interface ChartTable {
  /** The label column's header, when the file says it. */
  labelHeader: string;
  seriesNames: string[];
  categories: string[];
  /** `values[row][series]`, formatted as the chart's number format shows them. */
  values: string[][];
}

export interface ChartShape extends ShapeBase {
  kind: 'chart';
  /** undefined when the chart part has no cached data. */
  table: ChartTable | undefined;
  /** The chart's own title, when it shows one. */
  title: string;
  /** The chart type(s) as written (`barChart`, `pieChart`, …). */
  chartTypes: string[];
}

export interface PictureShape extends ShapeBase {
  kind: 'picture';
  /** The embedded picture, or why there is none. */
  image: { data: Uint8Array; extension: string } | { missing: 'linked' | 'absent' };
}

/** Something drawn that is not text, a table, a chart or a picture: SmartArt, OLE, media. */
export interface GraphicShape extends ShapeBase {
  kind: 'graphic';
  what: 'smartart' | 'ole' | 'media' | 'other';
  /** SmartArt's text, as paragraphs with levels, when the diagram's data could be read. */
  paragraphs: Paragraph[];
}

/** A straight line or connector (a stage line, a rule). */
export interface LineShape extends ShapeBase {
  kind: 'line';
  arrow: boolean;
}

export type Shape = TextShape | TableShape | ChartShape | PictureShape | GraphicShape | LineShape;

export interface SourceSlide {
  /** 1-based position among all slides of the file, hidden ones included. */
  number: number;
  hidden: boolean;
  /** The layout's name (`Title Slide`, `IS Cover`, …) and type (`title`, `obj`, …). */
  layoutName: string;
  layoutType: string;
  /** When a section starts at this slide: its name. */
  sectionName: string | undefined;
  shapes: Shape[];
  notes: Paragraph[];
  /** Links to files and other targets that were not followed, for the report. */
  externalLinks: string[];
}

export interface SourcePresentation {
  /** Slide size in inches. */
  width: number;
  height: number;
  title: string;
  author: string;
  language: string;
  slides: SourceSlide[];
  /** Part names or targets the reader refused to follow (unsafe names). */
  refused: string[];
}
