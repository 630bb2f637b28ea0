import type { SlideRecogniser } from './recogniser';

/** `content`: every slide no other type claims. The importer writes its shapes as they come. */
export const contentRecogniser: SlideRecogniser = {
  type: 'content',
  recognise: () => ({ blocks: [], claimed: new Set() }),
};
