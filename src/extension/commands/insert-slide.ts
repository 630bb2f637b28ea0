import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { SLIDE_TYPES, type SlideType } from '../../core/deck/types';
import { isMarpDocument } from '../util';

interface SnippetEntry {
  prefix?: string | string[];
  body?: string | string[];
  description?: string;
}

const DESCRIPTIONS: Record<SlideType, string> = {
  cover: 'Series and date, deck title, optional part title and agenda, presenter and organisation',
  content: 'A title, an optional subtitle, bullets and an optional key message',
  models: 'Four models in a two by two grid: bold name, en dash, description',
  'benefits-risks': 'A table whose header is Benefits and Risks',
  statistics: 'Large figures, each with a short label',
  chart: 'A table drawn as a bar chart (an editable chart in PowerPoint)',
  spectrum: 'Two to six stages drawn left to right',
  discussion: 'Group Discussion and one question',
};

/** Used when the snippets file has no snippet for a type. */
const FALLBACK: Record<SlideType, string> = {
  cover: '<!-- _class: cover -->\n\n${1:Elected Members Masterclass}\n${2:24/03/2026}\n\n# ${3:Deck Title}\n\n## ${4:Part Title}\n\n${5:Presenter Name}\n${6:The Improvement Service}',
  content: '<!-- _class: content -->\n\n## ${1:Title}\n\n- ${2:First point}\n- ${3:Second point}',
  models: '<!-- _class: models -->\n\n## ${1:Models of Service Delivery}\n\n- **${2:First}** – ${3:what it means}\n- **${4:Second}** – ${5:what it means}\n- **${6:Third}** – ${7:what it means}\n- **${8:Fourth}** – ${9:what it means}',
  'benefits-risks': '<!-- _class: benefits-risks -->\n\n## ${1:Benefits and Risks}\n\n| Benefits | Risks |\n|---|---|\n| ${2:A benefit} | ${3:A risk} |',
  statistics: '<!-- _class: statistics -->\n\n## ${1:Key Figures}\n\n- **${2:£3bn}** – ${3:what the figure measures}\n- **${4:56%}** – ${5:what the figure measures}',
  chart: '<!-- _class: chart -->\n\n## ${1:Survey Results}\n\n| ${2:Category} | ${3:2026} |\n|---|---|\n| ${4:First} | ${5:30} |\n| ${6:Second} | ${7:45} |\n\n${8:Caption}',
  spectrum: '<!-- _class: spectrum -->\n\n## ${1:The Reform Spectrum}\n\n1. ${2:First stage}\n2. ${3:Second stage}\n3. ${4:Third stage}',
  discussion: '<!-- _class: discussion -->\n\n## Group Discussion\n\n${1:What question should the group discuss?}',
};

/** The slide snippets of `snippets/isdeck.code-snippets`, by slide type. */
export function slideSnippets(extensionPath: string): Map<SlideType, string> {
  const bodies = new Map<SlideType, string>();
  let entries: Record<string, SnippetEntry>;
  try {
    entries = parseJsonc(readFileSync(join(extensionPath, 'snippets', 'isdeck.code-snippets'), 'utf8')) as Record<string, SnippetEntry>;
  } catch {
    entries = {};
  }
  for (const entry of Object.values(entries)) {
    const joined = Array.isArray(entry.body) ? entry.body.join('\n') : entry.body;
    if (typeof joined !== 'string') continue;
    if (/^---[ \t]*\n/.test(joined) && /^marp:\s*true/m.test(joined)) continue; // the whole-deck snippet
    // A slide snippet may start with its own slide break; the command adds one where needed.
    const body = joined.replace(/^---[ \t]*\n(?:[ \t]*\n)*/, '');
    const match = /<!--\s*_class:\s*([a-z-]+)\s*-->/.exec(body);
    const type = match?.[1] as SlideType | undefined;
    if (type && SLIDE_TYPES.includes(type) && !bodies.has(type)) bodies.set(type, body);
  }
  for (const type of SLIDE_TYPES) if (!bodies.has(type)) bodies.set(type, FALLBACK[type]);
  return bodies;
}

/** Quick pick of the eight slide types; inserts the chosen snippet as a new slide after the cursor's slide break. */
export async function insertSlideCommand(extensionPath: string, type?: string): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Open a Markdown deck to insert a house slide.');
    return false;
  }
  const snippets = slideSnippets(extensionPath);
  let chosen = typeof type === 'string' && (SLIDE_TYPES as readonly string[]).includes(type) ? (type as SlideType) : undefined;
  if (!chosen && type !== undefined) {
    void vscode.window.showErrorMessage(`Insert House Slide: ${JSON.stringify(type)} is not a slide type; use one of ${SLIDE_TYPES.join(', ')}.`);
    return false;
  }
  if (!chosen) {
    const pick = await vscode.window.showQuickPick(
      SLIDE_TYPES.map((slideType) => ({ label: slideType, description: DESCRIPTIONS[slideType], type: slideType })),
      { title: 'Insert House Slide', placeHolder: 'Slide type' },
    );
    if (!pick) return false;
    chosen = pick.type;
  }
  const body = snippets.get(chosen)!;
  const document = editor.document;
  const position = editor.selection.active;
  const line = document.lineAt(position.line);
  const atEmptyLine = line.isEmptyOrWhitespace;
  // A new slide: a break before it unless the document is not a deck yet or is empty.
  const needsBreak = isMarpDocument(document) || document.getText().trim() !== '';
  const prefix = needsBreak ? `${atEmptyLine ? '' : '\n'}\n---\n\n` : '';
  const insertAt = atEmptyLine ? position.with(undefined, 0) : line.range.end;
  return editor.insertSnippet(new vscode.SnippetString(prefix.replace(/\$/g, '\\$') + body + '\n'), insertAt);
}

/** JSON with comments and trailing commas, as VS Code reads snippet files. */
export function parseJsonc(text: string): unknown {
  let out = '';
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    const next = text[index + 1];
    if (inString) {
      out += character;
      if (character === '\\') {
        out += next ?? '';
        index++;
      } else if (character === '"') inString = false;
      continue;
    }
    if (character === '"') {
      inString = true;
      out += character;
    } else if (character === '/' && next === '/') {
      while (index < text.length && text[index] !== '\n') index++;
      out += '\n';
    } else if (character === '/' && next === '*') {
      index += 2;
      while (index < text.length && !(text[index] === '*' && text[index + 1] === '/')) index++;
      index++;
    } else out += character;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}
