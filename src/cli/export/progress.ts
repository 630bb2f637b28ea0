/** The progress line on a terminal: one step at a time, the deck and format it is at. */
import { createColors } from 'picocolors';
import { type CliIo } from '../command';
import { escapeControlCharacters } from '../../core/report/control-characters';

interface Progress {
  start(total: number): void;
  step(label: string): void;
  done(label: string): void;
  finish(): void;
}

export function progressReporter(io: CliIo, color: boolean): Progress {
  const c = createColors(color);
  let total = 0;
  let finished = 0;
  let current = '';
  let lastDraw = 0;
  const tty = io.stdoutIsTTY;
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - lastDraw < 80) return;
    lastDraw = now;
    const width = 24;
    const filled = total === 0 ? 0 : Math.round((finished / total) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    io.stderr(`\r\x1b[K${c.cyan(bar)} ${finished}/${total} ${c.dim(escapeControlCharacters(current).slice(0, 60))}`);
  };
  return {
    start(count) {
      total = count;
      if (tty) draw(true);
    },
    step(label) {
      current = label;
      if (tty) draw();
    },
    done(label) {
      finished++;
      if (tty) draw(true);
      else io.stderr(`[${finished}/${total}] ${escapeControlCharacters(label)}\n`);
    },
    finish() {
      if (tty) io.stderr('\r\x1b[K');
    },
  };
}
