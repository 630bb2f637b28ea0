export { buildPresentation, type BuildPresentationOptions } from './build';
export type { PptxWarning, ReadFile } from './context';
export { packPresentation } from './finish';
export { exportPptx, type ExportPptxOptions, type ExportPptxResult } from './write';
export { readLocalFile } from './images';
