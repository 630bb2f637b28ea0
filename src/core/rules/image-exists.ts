import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { displayPath, localImagePath } from '../deck/images';
import { defineRule } from './rule';

/** `https:`, `data:`, `file:`… (a scheme of two letters or more, so `C:\` stays a path) or `//host/`: not a workspace file. */
export default defineRule({
  id: 'image-exists',
  description: "A local image path names a file that exists, inside the workspace, resolved against the deck's folder.",
  defaultSeverity: 'error',
  scope: 'any',
  options: z.object({}),
  check(context) {
    const { deck, environment } = context;
    const base = deck.file !== undefined ? dirname(deck.file) : environment.workspaceRoot;
    if (base === undefined) return;
    const root = environment.workspaceRoot;
    for (const slide of deck.slides) {
      for (const image of slide.images) {
        const written = localImagePath(image.src);
        if (written === undefined) continue;
        const shown = displayPath(image.src);
        if (written === '') {
          context.report({ message: "The image has no path: write the image file's path between the parentheses.", range: image.range });
          continue;
        }
        const range = image.pathRange;
        const target = resolve(base, written);
        if (root !== undefined && !isInside(root, target)) {
          context.report({
            message: `The image \`${shown}\` is outside the workspace: copy it into the workspace (e.g. an \`images/\` folder beside the deck) and link it there.`,
            range,
          });
          continue;
        }
        if (!environment.fileExists(target)) {
          context.report({
            message: `The image \`${shown}\` was not found: no such file relative to the deck's folder (check the path and the case of the file name).`,
            range,
          });
        }
      }
    }
  },
});

function isInside(root: string, target: string): boolean {
  const path = relative(resolve(root), target);
  return path === '' || (!isAbsolute(path) && path !== '..' && !path.startsWith(`..${sep}`));
}
