// Generates the benchmark corpus: decks in the Markdown of docs/house-structure.md, every slide type.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const bullets = (n, seed) =>
  Array.from({ length: n }, (_, i) => `- Point ${seed}.${i}: councils organise services with communities and partners`).join('\n');

const SLIDES = [
  (i) => `## Context ${i}\n\n### Why it matters\n\n${bullets(5, i)}\n  - a nested point about budgets\n\n> Outcomes are the why of public service provision`,
  (i) => `<!-- _class: statistics -->\n\n## Figures ${i}\n\n- **£3bn** – saved by self care\n- **£8bn** – informal care\n- **£22bn** – childcare by households`,
  (i) => `<!-- _class: chart -->\n\n## Chart ${i}\n\n| Country | Index |\n|---|---|\n| Denmark | 79 |\n| United Kingdom | 77 |\n| France | 71 |`,
  (i) => `<!-- _class: models -->\n\n## Models ${i}\n\n- **Voluntarism** – rolling back the state\n- **Co-production** – a partnership\n- **Managerialism** – carrots and sticks\n- **Paternalism** – the professional gift`,
  (i) => `<!-- _class: benefits-risks -->\n\n## Benefits and risks ${i}\n\n| Benefits | Risks |\n|---|---|\n| People contribute | Unequal benefit |\n| More control | Audit challenges |`,
  (i) => `<!-- _class: spectrum -->\n\n## Spectrum ${i}\n\n1. Improve\n2. Core vs non-core\n3. Sector reform\n4. Co-production`,
  (i) => `## Evidence ${i}\n\n${bullets(6, i)}\n\nThe figures come from a survey¹.\n\n¹ Source: national survey, 2009.\n\n<!-- Speaker: stress the survey size. -->`,
];

function cover(partTitle) {
  return `<!-- _class: cover -->\n\nElected Members Masterclass\n24/03/2010\n\n# Delivering Outcomes\n${partTitle ? `\n## ${partTitle}\n` : ''}\nBob Christie\nThe Improvement Service`;
}

const discussion = '<!-- _class: discussion -->\n\n## Group Discussion\n\nHow relevant could co-production be to your council?';

/** A deck of `slides` slides (at least 3) in parts of about 20 slides. */
export function generateDeck(slides, seed = 0) {
  const body = [];
  let part = 0;
  while (body.length < slides) {
    body.push(cover(part === 0 ? undefined : `Part ${part + 1}`));
    const room = Math.min(18, slides - body.length - 1);
    for (let i = 0; i < room; i++) body.push(SLIDES[(i + seed) % SLIDES.length](`${part}.${i}`));
    body.push(discussion);
    part++;
  }
  return `---\nmarp: true\ntheme: improvement-service\n---\n\n${body.join('\n\n---\n\n')}\n`;
}

export function writeCorpus(folder, decks, slides) {
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < decks; i++) writeFileSync(join(folder, `deck-${String(i).padStart(3, '0')}.md`), generateDeck(slides, i));
}
