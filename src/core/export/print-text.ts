/**
 * Text that stays text in a printed PDF. Chromium prints an element under a CSS `filter` as a
 * picture, so its words leave the PDF's text layer (Marp's `uncover` theme puts a
 * `drop-shadow` on every code block). Before printing, an element that holds text and whose
 * filter is only drop shadows gets the same shadows as a `box-shadow`, which prints as
 * vectors, and no filter: the look is kept, the words stay selectable and searchable.
 */

/** Runs inside the page (self-contained); returns how many elements it changed. */
export function keepFilteredTextInPage(): number {
  const dropShadows = /^(?:drop-shadow\([^()]*(?:\([^()]*\)[^()]*)*\)\s*)+$/;
  let changed = 0;
  for (const element of Array.from(document.querySelectorAll<HTMLElement>('div.marpit section *'))) {
    const filter = getComputedStyle(element).filter;
    if (filter === 'none' || !dropShadows.test(filter.trim()) || (element.textContent ?? '').trim() === '') continue;
    const shadows = filter.trim().match(/drop-shadow\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g) ?? [];
    element.style.boxShadow = shadows.map((shadow) => shadow.slice('drop-shadow('.length, -1)).join(', ');
    element.style.filter = 'none';
    changed++;
  }
  return changed;
}
