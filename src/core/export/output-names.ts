/**
 * The names of the files an export writes, from the deck's name: the CLI and the editor write
 * the same files. PNG writes one file a slide (`png.ts`); its pattern stands for them.
 */
import { basename, extname } from 'node:path';

export type OutputKind = 'pdf' | 'notes' | 'pptx' | 'html' | 'present' | 'png';

const NAMES: Record<OutputKind, (name: string) => string> = {
  pdf: (name) => `${name}.pdf`,
  notes: (name) => `${name}.notes.pdf`,
  pptx: (name) => `${name}.pptx`,
  html: (name) => `${name}.html`,
  present: (name) => `${name}.present.html`,
  png: (name) => `${name}.slide-NN.png`,
};

/** `decks/talk.md` → `talk`: the name every output of the deck starts with. */
export function deckName(deckPath: string): string {
  return basename(deckPath, extname(deckPath)) || basename(deckPath);
}

export function outputFileName(kind: OutputKind, deckPath: string): string {
  return NAMES[kind](deckName(deckPath));
}
