/**
 * A `.pptx` file's bytes to a {@link SourcePresentation}: the package checked and opened,
 * slides in the presentation's order with their sections, size and document properties.
 * Reads nothing outside the package and runs no LibreOffice.
 */
import { describeSize } from '../../io/read-text';
import { ImportError } from '../errors';
import { checkPackageBytes, notAPresentation } from '../format';
import type { SourcePresentation } from '../model';
import { OpcPackage } from '../package';
import { attr, child, childrenNamed, descendants, numberAttr, path, textOf, type XmlElement } from '../xml';
import { DEFAULT_ZIP_BUDGET, ZipArchive, type ZipBudget } from '../zip';
import { readSlide } from './slide';

export interface ImportBudget extends ZipBudget {
  /** The largest `.pptx` file read, in bytes. */
  maxFileBytes: number;
  /** Most slides imported from one file. */
  maxSlides: number;
}

/** A 500-slide deck full of photographs is under 200 MB; the house limit of a deck is far below. */
export const DEFAULT_IMPORT_BUDGET: ImportBudget = {
  ...DEFAULT_ZIP_BUDGET,
  maxFileBytes: 200 * 1024 * 1024,
  maxSlides: 1000,
};

const EMU_PER_INCH = 914400;

/** Refuses a file over the budget (the command line asks before reading it). */
export function checkFileSize(size: number, budget: ImportBudget): void {
  if (size <= budget.maxFileBytes) return;
  throw new ImportError(`the file is ${describeSize(size)}; files over ${describeSize(budget.maxFileBytes)} are not imported`);
}

export function readPresentation(bytes: Uint8Array, budget: ImportBudget = DEFAULT_IMPORT_BUDGET): SourcePresentation {
  checkFileSize(bytes.length, budget);
  checkPackageBytes(bytes);
  const zip = ZipArchive.open(bytes, budget);
  const pkg = new OpcPackage(zip);
  const mainPart = pkg.related('', 'officeDocument');
  const presentation = mainPart ? pkg.xml(mainPart) : undefined;
  if (!mainPart || presentation?.name !== 'p:presentation') throw notAPresentation(zip);

  const relationships = pkg.relationships(mainPart);
  const slideIds = childrenNamed(child(presentation, 'p:sldIdLst'), 'p:sldId');
  if (slideIds.length > budget.maxSlides) {
    throw new ImportError(`the presentation has ${slideIds.length} slides; at most ${budget.maxSlides} are imported`);
  }
  const sections = sectionStarts(presentation);
  const languages = new Map<string, number>();
  const context = {
    pkg,
    templates: new Map(),
    defaultTextStyle: child(presentation, 'p:defaultTextStyle'),
    onLanguage: (lang: string) => languages.set(lang, (languages.get(lang) ?? 0) + 1),
  };
  const slides = slideIds.flatMap((slideId, index) => {
    const rel = relationships.get(attr(slideId, 'r:id') ?? '');
    if (!rel || rel.external) return [];
    return [readSlide(rel.part, index + 1, sections.get(attr(slideId, 'id') ?? ''), context)];
  });

  const size = child(presentation, 'p:sldSz');
  const coreProps = pkg.related('', 'core-properties');
  const core = coreProps ? pkg.xml(coreProps) : undefined;
  const mostUsedLanguage = [...languages.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return {
    width: (numberAttr(size, 'cx') ?? 9144000) / EMU_PER_INCH,
    height: (numberAttr(size, 'cy') ?? 6858000) / EMU_PER_INCH,
    title: property(core, 'dc:title'),
    author: property(core, 'dc:creator'),
    language: property(core, 'dc:language') || mostUsedLanguage || '',
    slides,
    refused: pkg.refused,
  };
}

function property(core: XmlElement | undefined, name: string): string {
  return textOf(child(core, name)).replace(/\s+/g, ' ').trim();
}

/** Section names by the id (`p:sldId/@id`) of the slide each section starts with. */
function sectionStarts(presentation: XmlElement | undefined): Map<string, string> {
  const starts = new Map<string, string>();
  const list = descendants(child(presentation, 'p:extLst'), 'p14:sectionLst')[0];
  for (const section of childrenNamed(list, 'p14:section')) {
    const first = childrenNamed(path(section, 'p14:sldIdLst'), 'p14:sldId')[0];
    const id = attr(first, 'id');
    if (id !== undefined) starts.set(id, attr(section, 'name') ?? '');
  }
  return starts;
}
