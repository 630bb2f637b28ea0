/**
 * Marp reads an image's alt text as space-separated options first (Marpit's image and
 * background-image parsers); only the words it does not consume are alt text. These
 * patterns mirror Marpit's matchers.
 */
const ALWAYS = [
  /^(\d*\.)?\d+%$/,
  /^w(?:idth)?:((?:\d*\.)?\d+(?:%|ch|cm|em|ex|in|mm|pc|pt|px)?|auto)$/,
  /^h(?:eight)?:((?:\d*\.)?\d+(?:%|ch|cm|em|ex|in|mm|pc|pt|px)?|auto)$/,
  /^(blur|brightness|contrast|grayscale|hue-rotate|invert|opacity|saturate|sepia)(?::(.+))?$/,
  /^drop-shadow(?::(.+?),(.+?)(?:,(.+?))?(?:,(.+?))?)?$/,
];

/** Consumed only on a background image (one whose alt has `bg`). */
const BACKGROUND = [/^(auto|contain|cover|fit|vertical|horizontal)$/, /^(left|right)(?::((?:\d*\.)?\d+%))?$/];

/** The alt text Marp keeps once it has taken its keywords out (`bg left:40% A chart` → `A chart`). */
export function altTextWithoutKeywords(alt: string): string {
  const words = alt.split(/\s+/).filter((word) => word !== '');
  const background = words.includes('bg');
  const isKeyword = (word: string) =>
    (background && (word === 'bg' || BACKGROUND.some((pattern) => pattern.test(word)))) || ALWAYS.some((pattern) => pattern.test(word));
  return words.filter((word) => !isKeyword(word)).join(' ');
}
