import frontMatter from './front-matter';
import houseTheme from './house-theme';
import taglineIntact from './tagline-intact';
import coverFirst from './cover-first';
import coverFields from './cover-fields';
import coversConsistent from './covers-consistent';
import partEndsWithDiscussion from './part-ends-with-discussion';
import discussionQuestion from './discussion-question';
import slideTitle from './slide-title';
import emptySlide from './empty-slide';
import bulletLimits from './bullet-limits';
import modelsGrid from './models-grid';
import benefitsRisksTable from './benefits-risks-table';
import statisticsItems from './statistics-items';
import chartTable from './chart-table';
import spectrumStages from './spectrum-stages';
import spectrumStageFit from './spectrum-stage-fit';
import footnoteSources from './footnote-sources';
import agendaMatches from './agenda-matches';
import imageAltText from './image-alt-text';
import imageExists from './image-exists';
import ukSpelling from './uk-spelling';
import unknownSlideType from './unknown-slide-type';
import rawHtml from './raw-html';
import missingGlyph from './missing-glyph';
import slideOverflow from './slide-overflow';
import minFontSize from './min-font-size';
import contrast from './contrast';
import type { Rule } from './rule';

/** The rule catalogue of docs/house-structure.md §4, in its order (with `house-theme` after `front-matter`, `spectrum-stage-fit` after `spectrum-stages`, `raw-html` after `unknown-slide-type`), then the rendered rules. */
export const allRules: readonly Rule[] = [
  frontMatter,
  houseTheme,
  taglineIntact,
  coverFirst,
  coverFields,
  coversConsistent,
  partEndsWithDiscussion,
  discussionQuestion,
  slideTitle,
  emptySlide,
  bulletLimits,
  modelsGrid,
  benefitsRisksTable,
  statisticsItems,
  chartTable,
  spectrumStages,
  spectrumStageFit,
  footnoteSources,
  agendaMatches,
  imageAltText,
  imageExists,
  ukSpelling,
  unknownSlideType,
  rawHtml,
  missingGlyph,
  // Rendered rules: they need a browser and run with `isdeck lint --render`.
  slideOverflow,
  minFontSize,
  contrast,
];

export function findRule(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
