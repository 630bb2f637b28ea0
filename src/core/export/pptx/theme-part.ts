import { BRAND_FONT, THEME_COLOURS } from './brand';
import { XML_DECLARATION } from './xml';

/** The theme's name, shown in PowerPoint's Design tab. */
export const THEME_NAME = 'Improvement Service';

/**
 * `ppt/theme/theme1.xml`: the house palette as the colour scheme and Calibri as both theme
 * fonts (Carlito is its metric twin where Calibri is missing, as in LibreOffice), so that a
 * shape, chart, table or text box a user adds in PowerPoint is on brand. The format scheme
 * is plain (solid fills, thin lines, no effects): the house draws no gradients or shadows.
 */
export function themeXml(): string {
  const colours = Object.entries(THEME_COLOURS)
    .map(([slot, hex]) => `<a:${slot}><a:srgbClr val="${hex}"/></a:${slot}>`)
    .join('');
  const font = `<a:latin typeface="${BRAND_FONT}" panose="020F0502020204030204"/><a:ea typeface=""/><a:cs typeface=""/>`;
  const fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
  const line = (width: number) =>
    `<a:ln w="${width}" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>`;
  const effect = '<a:effectStyle><a:effectLst/></a:effectStyle>';
  return (
    XML_DECLARATION +
    `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="${THEME_NAME}"><a:themeElements>` +
    `<a:clrScheme name="${THEME_NAME}">${colours}</a:clrScheme>` +
    `<a:fontScheme name="${THEME_NAME}"><a:majorFont>${font}</a:majorFont><a:minorFont>${font}</a:minorFont></a:fontScheme>` +
    `<a:fmtScheme name="${THEME_NAME}">` +
    `<a:fillStyleLst>${fill}${fill}${fill}</a:fillStyleLst>` +
    `<a:lnStyleLst>${line(9525)}${line(12700)}${line(19050)}</a:lnStyleLst>` +
    `<a:effectStyleLst>${effect}${effect}${effect}</a:effectStyleLst>` +
    `<a:bgFillStyleLst>${fill}${fill}${fill}</a:bgFillStyleLst>` +
    '</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>'
  );
}
