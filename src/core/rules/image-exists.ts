import { dirname } from 'node:path';
import { z } from 'zod';
import { judgePicture } from '../images/policy';
import { defineRule } from './rule';

/**
 * The picture policy (`src/core/images/policy.ts`) as a rule: the same verdict, with the same
 * message, as every exporter gives when it leaves the picture out. Web addresses and `data:`
 * pictures are not checked here (linting makes no network request).
 */
export default defineRule({
  id: 'image-exists',
  description: "A local image path names a file that exists, inside the workspace (symbolic links followed), resolved against the deck's folder.",
  defaultSeverity: 'error',
  fixable: false,
  scope: 'any',
  options: z.object({}),
  check(context) {
    const { deck, environment } = context;
    const deckDir = deck.file !== undefined ? dirname(deck.file) : environment.workspaceRoot;
    if (deckDir === undefined) return;
    const place = { deckDir, workspaceRoot: environment.workspaceRoot ?? deckDir };
    const files = { realPath: environment.realPath, isFile: environment.fileExists };
    for (const slide of deck.slides) {
      for (const image of slide.images) {
        const verdict = judgePicture(image.src, place, files);
        if (verdict.kind !== 'refused') continue;
        context.report({ message: verdict.message, range: verdict.reason === 'empty' ? image.range : image.pathRange });
      }
    }
  },
});
