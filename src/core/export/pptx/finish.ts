import JSZip from 'jszip';
import type PptxGenJS from 'pptxgenjs';
import { BRAND_COLOURS, CAPS_SPACING } from './brand';
import type { EquationStore } from './equations';
import { housePlanOf, putHouseParts, tidyPackage } from './house-package';
import { putMediaBack, takeMediaOut } from './media';
import { escapeXml } from './xml';

/**
 * Packs a presentation into deflated PPTX bytes. pptxgenjs's `stream()` gives the package
 * (its `write`/`writeFile` ignore `compression` on Node; `stream({ compression: true })`
 * honours it, but the parts below are rewritten anyway, so the package is taken stored
 * and deflated once, here: about a quarter faster than deflating twice). The pass over
 * the XML fixes what pptxgenjs 4.0.1 gets wrong or cannot express:
 *
 * - A paragraph with more than one run (`**Name** – text`, the wordmark's bold "is.")
 *   comes out with an `<a:pPr>` before every run; the schema allows one, first, and
 *   PowerPoint offers to repair such a file (gitbrent/PptxGenJS PR #1083). Only the
 *   first is kept.
 * - Text, notes and charts are tagged `en-US` whatever the deck says; they get the deck's
 *   `lang`, and `docProps/core.xml` gets `<dc:language>`.
 * - Tables have their header row marked (`firstRow`), as screen readers and PowerPoint's
 *   accessibility checker need (gitbrent/PptxGenJS #1299).
 * - Bullets take the theme's marker colours (teal squares, muted dashes), and runs
 *   set with `CAPS_SPACING` get All Caps: pptxgenjs has options for neither.
 * - Formulas become Office equations (`equations`, the store the slides were built with).
 *
 * Before these, the house parts replace pptxgenjs's theme, master and layouts, and each slide's
 * title and text go into its layout's placeholders (`house-package.ts`); after them, the
 * package is tidied (content types of the parts that exist, no folder entries).
 */
export async function packPresentation(pptx: PptxGenJS, options: { lang: string; equations?: EquationStore }): Promise<Buffer> {
  const media = takeMediaOut(pptx);
  const raw = (await pptx.stream({ compression: false })) as Uint8Array;
  const zip = await JSZip.loadAsync(raw);
  putMediaBack(zip, media);
  const lang = escapeXml(options.lang);
  const plan = housePlanOf(pptx);
  if (plan) await putHouseParts(zip, plan, lang);
  const names = Object.keys(zip.files).filter((name) => /^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters|charts)\/[^/]+\.xml$/.test(name) || name === 'ppt/presentation.xml');
  await Promise.all(
    names.map(async (name) => {
      const xml = await zip.file(name)!.async('string');
      const finished = finishPartXml(xml, lang);
      zip.file(name, options.equations && name.startsWith('ppt/slides/') ? options.equations.apply(finished) : finished);
    }),
  );
  const core = zip.file('docProps/core.xml');
  if (core) {
    const xml = await core.async('string');
    if (!xml.includes('<dc:language>')) {
      zip.file('docProps/core.xml', xml.replace('</cp:coreProperties>', `<dc:language>${lang}</dc:language></cp:coreProperties>`));
    }
  }
  return (await tidyPackage(zip)).generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

const STRAY_PARAGRAPH_PROPERTIES = /(<\/a:r>|<a:br\/>|<\/a:fld>)(?:<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*[^/]>[\s\S]*?<\/a:pPr>)/g;

const CAPS_RUN = new RegExp(`(<a:rPr\\b[^>]*? spc="${Math.round(CAPS_SPACING * 100)}")`, 'g');

/** The fixes above for one XML part (`lang` already XML-escaped). */
export function finishPartXml(xml: string, lang: string): string {
  return xml
    .replace(STRAY_PARAGRAPH_PROPERTIES, '$1')
    .replace(/(?<![A-Za-z])lang="en-US"/g, `lang="${lang}"`)
    .replace(/<c:lang val="en-US"\/>/g, `<c:lang val="${lang}"/>`)
    .replace(CAPS_RUN, '$1 cap="all"')
    // Every table the exporter draws comes from a Markdown table, whose first row is its header.
    .replace(/<a:tblPr\/>/g, '<a:tblPr firstRow="1" bandRow="1"/>')
    .replace(/<a:buSzPct val="100000"\/><a:buChar char="&#x25AA;"\/>/g, bulletXml(BRAND_COLOURS.teal, '&#x25AA;'))
    .replace(/<a:buSzPct val="100000"\/><a:buChar char="&#x2013;"\/>/g, bulletXml(BRAND_COLOURS.muted, '&#x2013;'))
    .replace(/<a:buSzPct val="100000"\/>(<a:buFont typeface="\+mj-lt"\/><a:buAutoNum )/g, `<a:buClr><a:srgbClr val="${BRAND_COLOURS.teal}"/></a:buClr><a:buSzPct val="100000"/>$1`);
}

function bulletXml(colour: string, char: string): string {
  return `<a:buClr><a:srgbClr val="${colour}"/></a:buClr><a:buSzPct val="100000"/><a:buChar char="${char}"/>`;
}
