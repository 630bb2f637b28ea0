import { Marp } from '@marp-team/marp-core';
import { z } from 'zod';
import { findHtmlTags, isTypographicPair } from '../deck/html-tags';
import { rangeOf } from '../deck/source-text';
import { defineRule } from './rule';

/** The tags Marp draws when raw HTML is on (its allowlist); any other is shown as text. */
const MARP_ALLOWLIST = new Set(Object.keys(Marp.html));

export default defineRule({
  id: 'raw-html',
  description: "Raw HTML in a deck is named: with `html` off (the default) tags are left out of the slides; with `html: true` a tag outside Marp's allowlist is shown as text.",
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'any',
  options: z.object({}),
  check(context) {
    const { deck, rawHtml } = context;
    deck.shownLines.forEach((line, index) => {
      if (!line.includes('<')) return;
      const tags = findHtmlTags(line);
      tags.forEach((tag, at) => {
        // A closing tag goes with its opening one, which is reported.
        if (tag.closing || isTypographicPair(line, tag, tags[at + 1]) || (rawHtml && MARP_ALLOWLIST.has(tag.name))) return;
        const range = rangeOf(index + 1, tag.start + 1, index + 1, tag.end + 1);
        const written = `\`<${tag.name}>\``;
        const message = rawHtml
          ? `${written} is not in Marp's HTML allowlist: it is shown as text. Write it in Markdown instead.`
          : tag.name === 'br'
            ? `Raw HTML ${written} is drawn as a plain line break (raw HTML is off): end the line with a backslash \`\\\` instead.`
            : `Raw HTML ${written} is left out of the slide (raw HTML is off; the text between tags stays): write it in Markdown, or set \`html: true\` in .isdeckrc to draw Marp's allowlist of tags.`;
        context.report({ message, range });
      });
    });
  },
});
