import JSZip from 'jszip';
import { houseLayouts, type HouseLayoutKey } from './house-layouts';
import type { SlideGeometry } from './layout';
import { masterParts } from './master-part';
import { fillPlaceholders } from './placeholders';
import { THEME_NAME, themeXml } from './theme-part';
import { escapeXml } from './xml';

/**
 * The house parts of the package, put in place of what pptxgenjs writes: the house theme,
 * the master and its layouts, each slide on its layout with its title and text in the
 * layout's placeholders; then the package tidied: `[Content_Types].xml` naming only the parts
 * that exist (pptxgenjs lists a master a slide), and no folder entries in the zip.
 */

/** What `buildPresentation` decided for the package: the slide size and each slide's layout and title. */
export interface HousePlan {
  geometry: SlideGeometry;
  slides: { layout: HouseLayoutKey; title: string }[];
}

const plans = new WeakMap<object, HousePlan>();

export function recordHousePlan(presentation: object, plan: HousePlan): void {
  plans.set(presentation, plan);
}

export function housePlanOf(presentation: object): HousePlan | undefined {
  return plans.get(presentation);
}

export async function putHouseParts(zip: JSZip, plan: HousePlan, lang: string): Promise<void> {
  for (const name of Object.keys(zip.files)) {
    if (/^ppt\/(slideLayouts|slideMasters)\//.test(name)) zip.remove(name);
  }
  zip.file('ppt/theme/theme1.xml', themeXml());
  const parts = masterParts(plan.geometry, lang);
  zip.file('ppt/slideMasters/slideMaster1.xml', parts.master);
  zip.file('ppt/slideMasters/_rels/slideMaster1.xml.rels', parts.masterRels);
  parts.layouts.forEach((layout, index) => {
    zip.file(`ppt/slideLayouts/slideLayout${index + 1}.xml`, layout.xml);
    zip.file(`ppt/slideLayouts/_rels/slideLayout${index + 1}.xml.rels`, layout.rels);
  });
  const layouts = houseLayouts(plan.geometry);
  await Promise.all(
    plan.slides.map(async (slide, index) => {
      const number = layouts.findIndex((layout) => layout.key === slide.layout) + 1;
      const part = `ppt/slides/slide${index + 1}.xml`;
      const rels = `ppt/slides/_rels/slide${index + 1}.xml.rels`;
      zip.file(rels, (await zip.file(rels)!.async('string')).replace(/slideLayouts\/slideLayout\d+\.xml/, `slideLayouts/slideLayout${number}.xml`));
      zip.file(part, fillPlaceholders(await zip.file(part)!.async('string'), layouts[number - 1]!));
    }),
  );
  const app = zip.file('docProps/app.xml');
  if (app) zip.file('docProps/app.xml', withPartTitles(await app.async('string'), plan));
}

/** docProps/app.xml: the theme's name and each slide's title where pptxgenjs writes "Office Theme" and "Slide N". */
function withPartTitles(xml: string, plan: HousePlan): string {
  return xml
    .replace('<vt:lpstr>Office Theme</vt:lpstr>', `<vt:lpstr>${THEME_NAME}</vt:lpstr>`)
    .replace(/<vt:lpstr>Slide (\d+)<\/vt:lpstr>/g, (whole, number: string) => {
      const title = plan.slides[Number(number) - 1]?.title;
      return title ? `<vt:lpstr>${escapeXml(title)}</vt:lpstr>` : whole;
    });
}

/**
 * A package of the zip's files only (no folder entries), with content types for exactly those
 * parts: each part keeps the override its kind had (the part name with its number taken out),
 * other files take the default of their extension.
 */
export async function tidyPackage(zip: JSZip): Promise<JSZip> {
  const typesXml = await zip.file('[Content_Types].xml')!.async('string');
  const overrideOfKind = new Map<string, string>();
  for (const match of typesXml.matchAll(/<Override PartName="([^"]+)" ContentType="([^"]+)"\/>/g)) overrideOfKind.set(kindOf(match[1]!), match[2]!);
  const defaults = new Map([...typesXml.matchAll(/<Default Extension="([^"]+)" ContentType="([^"]+)"\/>/g)].map((match) => [match[1]!.toLowerCase(), match[2]!]));
  const files = Object.values(zip.files).filter((file) => !file.dir && file.name !== '[Content_Types].xml');
  const usedDefaults = new Map<string, string>();
  const overrides: string[] = [];
  for (const file of files) {
    const partName = `/${file.name}`;
    const override = overrideOfKind.get(kindOf(partName));
    if (override) {
      overrides.push(`<Override PartName="${partName}" ContentType="${override}"/>`);
      continue;
    }
    const extension = file.name.split('.').at(-1)!.toLowerCase();
    const type = defaults.get(extension);
    if (!type) throw new Error(`No content type for ${file.name}`);
    usedDefaults.set(extension, type);
  }
  const types =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    [...usedDefaults].map(([extension, type]) => `<Default Extension="${extension}" ContentType="${type}"/>`).join('') +
    overrides.join('') +
    '</Types>';
  const tidy = new JSZip();
  tidy.file('[Content_Types].xml', types, { createFolders: false });
  for (const file of files) {
    // Stored bytes as they are (pictures were put in uncompressed; see media.ts), no folder entries.
    tidy.file(file.name, await file.async('uint8array'), { createFolders: false, ...(file.options.compression ? { compression: file.options.compression } : {}) });
  }
  return tidy;
}

/** `/ppt/slides/slide12.xml` → `/ppt/slides/slide#.xml`. */
function kindOf(partName: string): string {
  return partName.replace(/\d+(?=\.[a-z]+$)/i, '#');
}
