import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** Every Markdown deck the repository holds: test fixtures (fuzz regressions included) and decks/. */
export function corpusDecks(root = ROOT): Array<{ name: string; text: string }> {
  const files = [...markdownFiles(join(root, 'test', 'fixtures')), ...markdownFiles(join(root, 'decks'))];
  return files.sort().map((file) => ({ name: relative(root, file), text: readFileSync(file, 'utf8') }));
}

function markdownFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) found.push(...markdownFiles(path));
    else if (entry.endsWith('.md') && entry !== 'README.md') found.push(path);
  }
  return found;
}
