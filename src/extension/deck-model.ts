/**
 * The deck model of open documents for the editor's navigation (Outline, breadcrumbs, Go to
 * Slide, the preview's two-way sync) and for inserting slides: parsed on demand, once a
 * document version, by an incremental parser kept a document (an edit re-parses only the
 * slides it touched). Part of the core bundle; no `vscode` import here.
 */
import { IncrementalDeckParser } from '../core/deck/incremental';
import { deckNavigation, type DeckNavigation } from '../core/deck/navigation';
import type { Deck } from '../core/deck/types';

/** An open document, as plain data. */
export interface DeckSource {
  key: string;
  version: number;
  text(): string;
  file: string | undefined;
}

interface Kept {
  parser: IncrementalDeckParser;
  version: number;
  deck: Deck | undefined;
  navigation: DeckNavigation | undefined;
}

const MAX_KEPT = 16;
const kept = new Map<string, Kept>();

function keptFor(key: string): Kept {
  let entry = kept.get(key);
  if (entry) kept.delete(key);
  else {
    entry = { parser: new IncrementalDeckParser(), version: -1, deck: undefined, navigation: undefined };
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
  }
  kept.set(key, entry);
  return entry;
}

export function deckFor(source: DeckSource): Deck {
  const entry = keptFor(source.key);
  if (entry.deck && entry.version === source.version) return entry.deck;
  const text = source.text();
  try {
    entry.deck = entry.parser.parse(text, source.file);
  } catch {
    // An incremental parse that trips is done again from scratch.
    entry.parser = new IncrementalDeckParser();
    entry.deck = entry.parser.parse(text, source.file);
  }
  entry.version = source.version;
  entry.navigation = undefined;
  return entry.deck;
}

export function navigationFor(source: DeckSource): DeckNavigation {
  const deck = deckFor(source);
  const entry = kept.get(source.key)!;
  entry.navigation ??= deckNavigation(deck);
  return entry.navigation;
}

export function forgetDeck(key: string): void {
  kept.delete(key);
}
