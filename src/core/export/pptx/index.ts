export { buildPresentation, type BuildPresentationOptions } from './build';
export type { PptxWarning, ReadFile } from './context';
export { packPresentation } from './finish';
export { exportPptx, readLocalFile, type ExportPptxOptions, type ExportPptxResult } from './write';
