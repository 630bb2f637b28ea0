/**
 * Marp reads an image's alt text as space-separated options first (Marpit's image and
 * background-image parsers); only the words it does not consume are alt text. These
 * patterns mirror Marpit's matchers.
 */
const SIZE = /^(\d*\.)?\d+%$/;
const WIDTH = /^w(?:idth)?:((?:\d*\.)?\d+(?:%|ch|cm|em|ex|in|mm|pc|pt|px)?|auto)$/;
const HEIGHT = /^h(?:eight)?:((?:\d*\.)?\d+(?:%|ch|cm|em|ex|in|mm|pc|pt|px)?|auto)$/;
const FILTER = /^(blur|brightness|contrast|grayscale|hue-rotate|invert|opacity|saturate|sepia)(?::(.+))?$/;
const DROP_SHADOW = /^drop-shadow(?::(.+?),(.+?)(?:,(.+?))?(?:,(.+?))?)?$/;
const ALWAYS = [SIZE, WIDTH, HEIGHT, FILTER, DROP_SHADOW];

/** Consumed only on a background image (one whose alt has `bg`). */
const BACKGROUND_SIZING = /^(auto|contain|cover|fit|vertical|horizontal)$/;
const SPLIT = /^(left|right)(?::((?:\d*\.)?\d+%))?$/;
const BACKGROUND = [BACKGROUND_SIZING, SPLIT];

/** The alt text Marp keeps once it has taken its keywords out (`bg left:40% A chart` → `A chart`). */
export function altTextWithoutKeywords(alt: string): string {
  const words = alt.split(/\s+/).filter((word) => word !== '');
  const background = words.includes('bg');
  const isKeyword = (word: string) =>
    (background && (word === 'bg' || BACKGROUND.some((pattern) => pattern.test(word)))) || ALWAYS.some((pattern) => pattern.test(word));
  return words.filter((word) => !isKeyword(word)).join(' ');
}

/** An image's options as Marp reads them from its alt text. */
export interface ImageKeywords {
  /** `bg`: drawn behind the slide's content. */
  background: boolean;
  /** `bg left` / `bg right:30%`: the slide is split, the picture taking this share of its width (0–1). */
  split: { side: 'left' | 'right'; share: number } | undefined;
  /** A background's sizing: `cover` (default), `contain` (also `fit`), `auto`, or a percentage (`50%`). */
  sizing: 'cover' | 'contain' | 'auto' | number;
  /** `vertical`: several backgrounds stacked top to bottom instead of side by side. */
  vertical: boolean;
  /** `w:`/`width:` and `h:`/`height:` as written (`200px`, `120`, `50%`). */
  width: string | undefined;
  height: string | undefined;
  /** CSS filters in order, each with its argument as written (`opacity`, `.5`; a default when none). */
  filters: Array<{ name: string; value: string | undefined }>;
}

/** Reads an image's keywords (the last of a kind wins, as in Marpit). */
export function imageKeywords(alt: string): ImageKeywords {
  const words = alt.split(/\s+/).filter((word) => word !== '');
  const background = words.includes('bg');
  const keywords: ImageKeywords = { background, split: undefined, sizing: 'cover', vertical: false, width: undefined, height: undefined, filters: [] };
  for (const word of words) {
    const split = background ? SPLIT.exec(word) : null;
    const size = SIZE.exec(word);
    const filter = FILTER.exec(word) ?? (DROP_SHADOW.test(word) ? ['', 'drop-shadow', word.slice('drop-shadow:'.length) || undefined] : null);
    if (split) keywords.split = { side: split[1] as 'left' | 'right', share: split[2] ? Number.parseFloat(split[2]) / 100 : 0.5 };
    else if (background && (word === 'contain' || word === 'fit')) keywords.sizing = 'contain';
    else if (background && (word === 'cover' || word === 'auto')) keywords.sizing = word;
    else if (background && (word === 'vertical' || word === 'horizontal')) keywords.vertical = word === 'vertical';
    else if (size) keywords.sizing = Number.parseFloat(word) / 100;
    else if (WIDTH.test(word)) keywords.width = WIDTH.exec(word)![1];
    else if (HEIGHT.test(word)) keywords.height = HEIGHT.exec(word)![1];
    else if (filter) keywords.filters.push({ name: filter[1], value: filter[2] });
  }
  return keywords;
}
