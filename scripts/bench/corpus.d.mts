/** A deck of `slides` slides (at least 3) in parts of about 20 slides. */
export function generateDeck(slides: number, seed?: number): string;
export function writeCorpus(folder: string, decks: number, slides: number): void;
