/** The files a run will write, planned (and refused where they would overwrite an input) before any is written. */
import { dirname, join } from 'node:path';
import { displayPath } from '../../core/config/load';
import { checkNewOutput, OutputRefusedError } from '../../core/io/output-policy';
import { handoutPath } from '../../core/export/pdf';
import { outputFileName } from '../../core/export/output-names';
import { ExportCommandOptions, ExportFormat } from './args';

export interface PlannedOutput {
  format: ExportFormat | 'notes';
  path: string;
}

export function outputsFor(deckPath: string, options: Pick<ExportCommandOptions, 'formats' | 'notes'>, outDir: string | undefined): PlannedOutput[] {
  const folder = outDir ?? dirname(deckPath);
  const outputs: PlannedOutput[] = [];
  for (const format of options.formats) {
    const path = join(folder, outputFileName(format, deckPath));
    outputs.push({ format, path });
    if (format === 'pdf' && options.notes) outputs.push({ format: 'notes', path: handoutPath(path) });
  }
  return outputs;
}

/**
 * Refusals before anything is written: an output the output policy refuses (an input, a
 * symbolic link, something not a regular file, a read-only file), two decks writing one file.
 */
export function checkPlan(plan: ReadonlyMap<string, PlannedOutput[]>, cwd: string): string[] {
  const errors: string[] = [];
  const inputs = [...plan.keys()];
  const seen = new Map<string, string>();
  for (const [deck, outputs] of plan) {
    for (const output of outputs) {
      const refusal = outputRefusal(output, inputs);
      if (refusal) {
        errors.push(`${displayPath(output.path, cwd)}: ${refusal}`);
        continue;
      }
      const key = process.platform === 'win32' || process.platform === 'darwin' ? output.path.toLowerCase() : output.path;
      const other = seen.get(key);
      if (other && other !== deck) {
        errors.push(`${displayPath(output.path, cwd)}: both ${displayPath(other, cwd)} and ${displayPath(deck, cwd)} would write it (export them to different --out folders)`);
      }
      seen.set(key, deck);
    }
  }
  return errors;
}

function outputRefusal(output: PlannedOutput, inputs: readonly string[]): string | undefined {
  // The PNG files are known once the deck is drawn; exportPng checks each before writing any.
  if (output.format === 'png') return undefined;
  const what = output.format === 'notes' ? 'handout' : output.format === 'present' ? 'presentation' : output.format.toUpperCase();
  try {
    checkNewOutput(output.path, inputs);
    return undefined;
  } catch (error) {
    if (!(error instanceof OutputRefusedError)) return undefined;
    return error.reason === 'input' ? `refusing to write the ${what} over an input deck` : `refusing to write the ${what}: ${error.why}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Running.
