/**
 * What an export left out of a file, placed where the deck asks for it: the pictures the
 * renderer refused (found among the model's images by their path) and the requests the
 * page made that were not answered (found by their address in the deck's text: `@import`,
 * `url()` in `style` or `<style>`, `_backgroundImage`, `![](https://…)`).
 */
import type { Deck } from '../deck/types';
import type { PictureWarning } from '../images/embed';
import { describeRefusedRequest, type NetworkPolicy, type RefusedRequest } from './network';

/** One thing left out, and where the deck names it. */
export interface LeftOut {
  /** 1-based line of the deck, when the deck's text names it. */
  line: number | undefined;
  /** 1-based slide, when the line is on one (not in the front-matter). */
  slide: number | undefined;
  message: string;
}

/** The pictures a render left out (or, with `kind`, kept as web addresses), one item where each is used. */
export function leftOutPictures(deck: Deck, warnings: readonly PictureWarning[], kind: PictureWarning['kind'] = 'left-out'): LeftOut[] {
  return warnings
    .filter((warning) => warning.kind === kind)
    .flatMap((warning) => {
      const uses = deck.slides.flatMap((slide) =>
        slide.images.filter((image) => image.src === warning.path).map((image) => ({ line: image.range.line, slide: slide.index + 1 })),
      );
      const places = uses.length > 0 ? uses : linesNaming(deck, [warning.path]);
      return withMessage(places, warning.message);
    });
}

/** The requests a page made that were not answered, one item where the deck names each. */
export function leftOutRequests(deck: Deck, refused: readonly RefusedRequest[], policy: NetworkPolicy): LeftOut[] {
  const seen = new Set<string>();
  return refused.flatMap((request) => {
    if (seen.has(request.url)) return [];
    seen.add(request.url);
    return withMessage(linesNaming(deck, spellings(request.url)), describeRefusedRequest(request, policy));
  });
}

function withMessage(places: readonly Omit<LeftOut, 'message'>[], message: string): LeftOut[] {
  return places.length === 0 ? [{ line: undefined, slide: undefined, message }] : places.map((place) => ({ ...place, message }));
}

/** How a deck may write an address the browser requested: as requested, decoded, without the `/` a bare host gains. */
function spellings(url: string): string[] {
  const decoded = (() => {
    try {
      return decodeURI(url);
    } catch {
      return url;
    }
  })();
  return [...new Set([url, decoded, url.replace(/\/$/, ''), decoded.replace(/\/$/, '')])].filter((text) => text !== '');
}

/** Every line that holds one of `texts`, with its slide. */
function linesNaming(deck: Deck, texts: readonly string[]): Omit<LeftOut, 'message'>[] {
  const places: Omit<LeftOut, 'message'>[] = [];
  deck.lines.forEach((text, index) => {
    if (!texts.some((candidate) => text.includes(candidate))) return;
    const line = index + 1;
    const slide = deck.slides.find((candidate) => candidate.range.line <= line && line <= candidate.range.endLine);
    places.push({ line, slide: slide === undefined ? undefined : slide.index + 1 });
  });
  return places;
}

/** `slide 2: ` (or nothing, for the front-matter or an unknown place) before a message. */
export function slidePrefix(item: Pick<LeftOut, 'slide'>): string {
  return item.slide === undefined ? '' : `slide ${item.slide}: `;
}
