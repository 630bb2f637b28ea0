import * as vscode from 'vscode';
import { isMarpDeck } from '../core/deck/marp-deck';
import type { SlideTemplate } from '../core/slide-catalogue';
import { core } from './core';
import { logError } from './util';

/** Typing one of these asks for completions even where VS Code's quick suggestions are off (Markdown). */
export const TRIGGER_CHARACTERS = ['-', ':', ' '];

/** The command the house-slide completions run: it inserts the slide after the current one. */
export const INSERT_SLIDE_COMMAND = 'isdeck.insertSlide';

/** `is-`, `is-mod`… at the cursor, after the line's start or a space. */
const HOUSE_PREFIX = /(?:^|\s)(is-[a-z-]*)$/;
/** `<!-- _class: mod` or `<!-- class: ` at the cursor. */
const CLASS_IN_COMMENT = /<!--\s*_?class\s*:\s*([a-z-]*)$/;
/** `class: mod` in the front-matter. */
const CLASS_IN_FRONT_MATTER = /^class\s*:\s*([a-z-]*)$/;
/** A front-matter key being typed at the start of its line. */
const KEY_AT_LINE_START = /^([a-z]*)$/;
/** A front-matter value being typed after its key. */
const VALUE_AFTER_KEY = /^(theme|size|lang|paginate)\s*:\s*([\w:-]*)$/;

/** How many lines from the top the front-matter is looked for in. */
const HEAD_LINES = 400;

const FRONT_MATTER_KEYS: { key: string; value: string; detail: string }[] = [
  { key: 'marp', value: 'true', detail: 'Makes the file a Marp deck' },
  { key: 'theme', value: 'improvement-service', detail: 'The house theme' },
  { key: 'size', value: '16:9', detail: 'Slide size: 16:9 (1280×720) or 4:3 (960×720)' },
  { key: 'lang', value: 'en-GB', detail: 'The language of the deck (spelling and screen readers)' },
  { key: 'paginate', value: 'true', detail: 'Slide numbers in the footer' },
  { key: 'title', value: '', detail: 'The deck title (the PDF and HTML title)' },
];

const FRONT_MATTER_VALUES: Record<string, string[]> = {
  theme: ['improvement-service'],
  size: ['16:9', '4:3'],
  lang: ['en-GB'],
  paginate: ['true', 'false'],
};

/**
 * Completions for decks. In a Marp deck: the house slides on `is-` (each inserts a new slide
 * after the current one, see Insert House Slide), the slide types after `<!-- _class: ` and
 * `class:`, and the house front-matter keys and values. In other Markdown only `is-deck`, the
 * whole-deck template, and only where `is-` is typed.
 *
 * VS Code asks its word-based suggestions only when no language's provider has any, so a deck,
 * where this provider always has some, gets no word suggestions (the "22bn", "3bn" of other
 * decks); other Markdown files, and every setting, are left as they were.
 */
export class DeckCompletions implements vscode.CompletionItemProvider {
  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, _token: vscode.CancellationToken, context: vscode.CompletionContext): vscode.CompletionItem[] | undefined {
    try {
      return this.items(document, position, context.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter);
    } catch (error) {
      logError('completions', error);
      return undefined;
    }
  }

  private items(document: vscode.TextDocument, position: vscode.Position, typed: boolean): vscode.CompletionItem[] | undefined {
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const head = documentHead(document);
    if (!head.marp) return HOUSE_PREFIX.test(before) && head.frontMatterEnd < 0 ? [deckItem(wordRange(position, HOUSE_PREFIX.exec(before)![1]!))] : undefined;
    const inFrontMatter = position.line < head.frontMatterEnd;
    const classValue = (inFrontMatter ? CLASS_IN_FRONT_MATTER : CLASS_IN_COMMENT).exec(before);
    if (classValue) return slideTypeItems(wordRange(position, classValue[1]!));
    if (inFrontMatter) return this.frontMatterItems(before, position);
    const house = HOUSE_PREFIX.exec(before);
    if (house) return houseSlideItems(document, position, wordRange(position, house[1]!));
    // Typed characters elsewhere ask for nothing; asked for (Ctrl+Space), the house slides.
    return typed ? undefined : houseSlideItems(document, position, wordRange(position, /[\w-]*$/.exec(before)![0]));
  }

  private frontMatterItems(before: string, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const value = VALUE_AFTER_KEY.exec(before);
    if (value) {
      // `theme:` just typed: YAML wants a space after the colon.
      const space = before.endsWith(':') ? ' ' : '';
      return FRONT_MATTER_VALUES[value[1]!]!.map((text) => {
        const item = new vscode.CompletionItem(text, vscode.CompletionItemKind.Value);
        item.insertText = `${space}${text}`;
        item.range = wordRange(position, value[2]!);
        return item;
      });
    }
    const key = KEY_AT_LINE_START.exec(before);
    if (!key) return undefined;
    return FRONT_MATTER_KEYS.map(({ key: name, value: example, detail }) => {
      const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Property);
      item.detail = detail;
      item.insertText = new vscode.SnippetString(`${name}: \${1:${example.replace(/[$}\\]/g, '\\$&')}}`);
      item.range = wordRange(position, key[1]!);
      return item;
    });
  }
}

/** The range of `word`, just typed before `position`. */
function wordRange(position: vscode.Position, word: string): vscode.Range {
  return new vscode.Range(position.translate(0, -word.length), position);
}

/** Whether the document is a Marp deck, and the line after its front-matter (-1: none). */
function documentHead(document: vscode.TextDocument): { marp: boolean; frontMatterEnd: number } {
  const last = Math.min(document.lineCount, HEAD_LINES);
  const text = document.getText(new vscode.Range(0, 0, last, 0));
  let frontMatterEnd = -1;
  if (/^\uFEFF?---[ \t]*$/.test(document.lineAt(0).text)) {
    for (let line = 1; line < last; line++) {
      if (/^(?:---|\.\.\.)[ \t]*$/.test(document.lineAt(line).text)) {
        frontMatterEnd = line;
        break;
      }
    }
  }
  return { marp: isMarpDeck(text), frontMatterEnd };
}

function markdownPreview(description: string, body: readonly string[], where: string): vscode.MarkdownString {
  // Our own text, written as Markdown (the descriptions use **bold**).
  const documentation = new vscode.MarkdownString(`${description}\n\n${where}\n\n`);
  documentation.appendCodeblock(core().templateMarkdown(body), 'markdown');
  return documentation;
}

function houseSlideItems(document: vscode.TextDocument, position: vscode.Position, range: vscode.Range): vscode.CompletionItem[] {
  return core().SLIDE_TEMPLATES.map((template, index) => houseSlideItem(template, index, document, position, range));
}

function houseSlideItem(template: SlideTemplate, index: number, document: vscode.TextDocument, position: vscode.Position, range: vscode.Range): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: template.prefix, description: `${template.type} slide` }, vscode.CompletionItemKind.Snippet);
  item.detail = `House slide: ${template.type}`;
  item.documentation = markdownPreview(template.description, template.body, 'Inserted as a new slide after the slide the cursor is in (an empty slide is filled instead):');
  // What was typed goes; the command puts the slide in its place, never inside this one.
  item.insertText = '';
  item.range = range;
  item.filterText = template.prefix;
  item.sortText = `0${index}`;
  item.command = { title: 'Insert House Slide', command: INSERT_SLIDE_COMMAND, arguments: [template.type, { uri: document.uri.toString(), line: position.line }] };
  return item;
}

function slideTypeItems(range: vscode.Range): vscode.CompletionItem[] {
  return core().SLIDE_TEMPLATES.map((template, index) => {
    const type = template.type;
    const item = new vscode.CompletionItem({ label: type, description: 'house slide type' }, vscode.CompletionItemKind.EnumMember);
    item.detail = `House slide: ${type}`;
    item.documentation = markdownPreview(template.description, template.body, 'A slide of this type:');
    item.range = range;
    item.sortText = `0${index}`;
    return item;
  });
}

function deckItem(range: vscode.Range): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: core().DECK_TEMPLATE.prefix, description: 'new house deck' }, vscode.CompletionItemKind.Snippet);
  item.detail = 'A new Improvement Service deck';
  item.documentation = markdownPreview(core().DECK_TEMPLATE.description, core().DECK_TEMPLATE.body, 'Writes:');
  item.insertText = new vscode.SnippetString(core().DECK_TEMPLATE.body.join('\n'));
  item.range = range;
  return item;
}
