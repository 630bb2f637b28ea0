import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Builds dist/ (the CLI and the extension's bundles) once before any test file runs: the CLI
 * tests run the shipped bundle as a child process, exactly as users do, and the VS Code test
 * only packages what is built here (`--dist-built`), so no test rewrites a file under dist/
 * (dist/node_modules/playwright-core among them) while another test's child process loads it.
 */
export default function setup(): void {
  execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build.mjs')], { stdio: 'inherit' });
}
