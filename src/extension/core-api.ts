/**
 * The core as the extension uses it, bundled on its own into dist/core.js and loaded on first
 * use (see core.ts), so that activating the extension does not pay for loading Marp, zod and
 * the rules. The lint worker loads the same file. No `vscode` import here.
 */
export { buildConfigSchema, resolveConfig } from '../core/config/schema';
export { applyFixes, fixText } from '../core/lint/fix';
export { nodeEnvironment } from '../core/lint/node-environment';
export { allRules } from '../core/rules';
export { renderDeck } from '../core/render/render';
export { judgePicture } from '../core/images/policy';
export { decodePath } from '../core/deck/images';
export { slideAtLine, slideInsertion } from '../core/deck/insert-slide';
// The slide types' declarations name their PowerPoint drawers and importer recognisers: the
// editor reaches the catalogue through the core bundle so that the extension's own stays small.
export { DECK_TEMPLATE, SLIDE_TEMPLATES, slideTemplate, templateMarkdown } from '../core/slide-catalogue';
export { isSlideType, SLIDE_TYPES } from '../core/slide-types';
export { newMasterclassDeck } from '../core/new-deck';
export { makeFolderSync } from '../core/io/output-policy';
export { discoverConfigFiles } from './config-discovery';
export { runFixJob, runLintJob, forgetLintState } from './lint-job';
export { measureRequest, readMeasurements, renderedRuleProblems } from './rendered-check';
export { closeWarmBrowser, exportHtmlFile, exportPdfFile, exportPngFiles, exportPptxFile, warmBrowser } from './export-jobs';
export { deckFor, forgetDeck, navigationFor } from './deck-model';
export { markdownPreviewPlugin } from './markdown-preview';

export { formatImportReport } from '../core/import/report';
export { importedDeckPath, importPptxFile } from '../core/import/write';
