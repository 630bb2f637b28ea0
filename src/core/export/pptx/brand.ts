/**
 * The house brand for the PowerPoint export, in one place.
 *
 * Every value mirrors a custom property at the top of `themes/improvement-service.css`
 * (named beside it); change a brand value there and here together. Colours are 6-digit
 * hex without `#`, as pptxgenjs takes them. Sizes are points: the theme's px at its
 * 1280 px slide width (96 px an inch) × 0.75.
 */

export const BRAND_COLOURS = {
  navy: '1B365D', // --is-navy: titles, header band
  teal: '00707E', // --is-teal: accents, subtitles, bullets
  ink: '1F2933', // --is-ink: body text
  muted: '4B5563', // --is-muted: source lines, labels
  paper: 'FFFFFF', // --is-paper: slide background
  tint: 'E6F2F3', // --is-tint: callout and card background
  stripe: 'F3F5F8', // --is-stripe: table zebra rows
  rule: 'C9D3DD', // --is-rule: hairlines
  onDark: 'FFFFFF', // --is-on-dark: text on navy/teal/benefit/risk fills
  onDarkAccent: '8FD3DC', // --is-on-dark-accent: accent text on navy
  benefit: '1D6B39', // --is-benefit
  benefitTint: 'EDF6F0', // --is-benefit-tint
  risk: '8C3A14', // --is-risk
  riskTint: 'FBF0EA', // --is-risk-tint
} as const;

/** --is-series-1 … 4: chart series, in order. */
export const SERIES_COLOURS = ['1B365D', '00707E', 'B35C00', '6B4C9A'] as const;

/** --is-stage-1 … 6: spectrum stages, left to right. */
export const STAGE_COLOURS = ['1B365D', '23497A', '1F5F86', '00667A', '00707E', '1D6B5A'] as const;

/**
 * The theme's colour scheme (`ppt/theme/theme1.xml`): the colours PowerPoint offers for what a
 * user adds (a shape takes accent1, a chart's series accent1, accent2, … in turn, a table its
 * accent style), so the additions come out on brand. Text dark on light (dk1/lt1), the navy
 * and tint pair (dk2/lt2), the chart series then the benefit and risk colours as accents,
 * teal links (as in the theme) and the fourth series colour for followed ones.
 */
export const THEME_COLOURS = {
  dk1: BRAND_COLOURS.ink,
  lt1: BRAND_COLOURS.paper,
  dk2: BRAND_COLOURS.navy,
  lt2: BRAND_COLOURS.tint,
  accent1: SERIES_COLOURS[0],
  accent2: SERIES_COLOURS[1],
  accent3: SERIES_COLOURS[2],
  accent4: SERIES_COLOURS[3],
  accent5: BRAND_COLOURS.benefit,
  accent6: BRAND_COLOURS.risk,
  hlink: BRAND_COLOURS.teal,
  folHlink: SERIES_COLOURS[3],
} as const;

/**
 * --is-font leads with Carlito. PowerPoint has Calibri; LibreOffice maps Calibri to
 * Carlito (metric-compatible), so line breaks agree with the HTML/PDF theme.
 */
export const BRAND_FONT = 'Calibri';

/** --is-tagline */
export const BRAND_TAGLINE = 'efficiency | quality | accountability';

/** The footer wordmark (themes/assets/wordmark.svg) as editable text. */
export const BRAND_WORDMARK = { lead: 'Improvement ', accent: 'is.', strapline: 'improvement service' } as const;

/**
 * Letter spacing (points) of text drawn in capitals (the theme's `text-transform:
 * uppercase` labels). The text keeps its case; the finishing pass gives runs with this
 * exact spacing PowerPoint's All Caps (`cap="all"`), which pptxgenjs has no option for.
 */
export const CAPS_SPACING = 1.5;

/** Font sizes in points: the largest a text is drawn at and the floor a long text may shrink to. */
export const BRAND_SIZES = {
  tagline: 12, // 16px bold
  wordmark: 17,
  strapline: 9.5,
  slideNumber: 13.5, // 18px bold
  title: { max: 33, min: 24 }, // --is-title-size 44px
  subtitle: 22,
  body: { max: 21, min: 13 }, // --is-base-size 28px
  callout: { max: 22, min: 14 },
  footnote: 11, // max(15px, 0.58em)
  coverSeries: 16.5, // 22px
  coverTitle: { max: 41, min: 28 }, // 1.25 × 44px
  coverPart: 26, // 0.78 × 44px
  coverAgenda: 16.5,
  coverAgendaLabel: 13,
  coverPresenter: 16.5,
  modelName: { max: 21, min: 15 },
  modelText: { max: 16, min: 11 },
  table: { max: 18, min: 11 },
  figure: { max: 46, min: 24 },
  figureLabel: { max: 20, min: 11 },
  chart: 13,
  chartTitle: 15,
  stage: { max: 19, min: 11 },
  stageNumber: 26,
  discussionLabel: 19.5, // 26px
  question: { max: 40, min: 22 }, // 1.2 × 44px
  quote: { max: 27, min: 16 }, // 1.3 × 28px
  attribution: 17, // 0.8 × 28px
} as const;
