import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { DEFAULT_ORGANISATION, dateProblem, formatDate, newDeckFileName, partsProblem, textProblem, type NewDeckInput } from '../../core/new-deck-answers';
import { core } from '../core';

/** Answers given as the command's argument skip the input boxes (tests, walkthrough links, other extensions). */
export interface NewDeckArguments extends Partial<NewDeckInput> {
  /** Where to write the deck; default: asked, starting in the first workspace folder. */
  target?: string | vscode.Uri;
  /** Overwrite an existing file without asking. */
  overwrite?: boolean;
}

const TITLE = 'New Masterclass Deck';

/** Asks for the answers, writes a lint-clean deck and opens it. Returns the deck's URI. */
export async function newDeckCommand(args?: NewDeckArguments): Promise<vscode.Uri | undefined> {
  const given = args && typeof args === 'object' && !(args instanceof vscode.Uri) ? args : {};
  // Answers passed as arguments are checked before anything is asked.
  const givenProblems = [
    given.series !== undefined ? textProblem('The series', String(given.series)) : undefined,
    given.date !== undefined ? dateProblem(String(given.date)) : undefined,
    given.title !== undefined ? textProblem('The title', String(given.title)) : undefined,
    given.presenter !== undefined ? textProblem('The presenter', String(given.presenter)) : undefined,
    given.parts !== undefined ? partsProblem(String(given.parts)) : undefined,
  ].filter((problem): problem is string => problem !== undefined);
  if (givenProblems.length > 0) throw new Error(givenProblems.join(' '));
  const total = 6;
  const series = given.series ?? (await ask(1, total, 'Series', 'Elected Members Masterclass', (value) => textProblem('The series', value)));
  if (series === undefined) return undefined;
  const date = given.date ?? (await ask(2, total, 'Date (dd/mm/yyyy)', formatDate(new Date()), dateProblem, formatDate(new Date())));
  if (date === undefined) return undefined;
  const title = given.title ?? (await ask(3, total, 'Deck title', 'Co-production in Public Services', (value) => textProblem('The title', value)));
  if (title === undefined) return undefined;
  const presenter = given.presenter ?? (await ask(4, total, 'Presenter', 'Presenter Name', (value) => textProblem('The presenter', value)));
  if (presenter === undefined) return undefined;
  const organisation = given.organisation ?? (await ask(5, total, 'Organisation', DEFAULT_ORGANISATION, (value) => textProblem('The organisation', value), DEFAULT_ORGANISATION));
  if (organisation === undefined) return undefined;
  const partsText = given.parts !== undefined ? String(given.parts) : await ask(6, total, 'Number of parts (sessions)', '1', partsProblem, '1');
  if (partsText === undefined) return undefined;

  const input: NewDeckInput = { series, date: date.trim(), title, presenter, organisation, parts: Number(partsText.trim()) };
  const markdown = core().newMasterclassDeck(input);

  let target = typeof given.target === 'string' ? vscode.Uri.file(given.target) : given.target;
  if (!target) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const suggested = folder ? vscode.Uri.joinPath(folder, newDeckFileName(input)) : undefined;
    target = await vscode.window.showSaveDialog({
      title: 'Save the new deck',
      ...(suggested && { defaultUri: suggested }),
      filters: { Markdown: ['md'] },
      saveLabel: 'Create Deck',
    });
    if (!target) return undefined;
  }
  if (target.scheme === 'file' && existsSync(target.fsPath) && !given.overwrite) {
    const choice = await vscode.window.showWarningMessage(`${target.fsPath} exists. Replace it?`, { modal: true }, 'Replace');
    if (choice !== 'Replace') return undefined;
  }
  await vscode.workspace.fs.writeFile(target, Buffer.from(markdown, 'utf8'));
  const document = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(document, { preview: false });
  return target;
}

type InputBox = (options: vscode.InputBoxOptions) => Thenable<string | undefined>;
let inputBox: InputBox = (options) => vscode.window.showInputBox(options);

/** For tests: answer the input boxes (validation included) without the UI. */
export function setInputBoxForTests(replacement: InputBox | undefined): void {
  inputBox = replacement ?? ((options) => vscode.window.showInputBox(options));
}

function ask(step: number, total: number, prompt: string, placeHolder: string, validate: (value: string) => string | undefined, value?: string): Thenable<string | undefined> {
  return inputBox({
    title: `${TITLE} (${step}/${total})`,
    prompt,
    placeHolder,
    ...(value !== undefined && { value }),
    ignoreFocusOut: true,
    validateInput: (input) => validate(input) ?? null,
  });
}
