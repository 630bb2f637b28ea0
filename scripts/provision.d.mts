export type CommandName = 'start' | 'test' | 'vscode-test';

export interface Machine {
  /** What `dpkg -s` says is installed; undefined where there is no dpkg (not Debian). */
  installed: ReadonlySet<string> | undefined;
  isRoot: boolean;
  hasApt: boolean;
}

export type Plan =
  | { action: 'nothing'; missing: string[] }
  | { action: 'install'; missing: string[]; commands: string[][] }
  | { action: 'tell'; missing: string[]; message: string };

export const PACKAGES: Record<string, { tool: string; why: string }>;
export const COMMANDS: Record<CommandName, { typed: string; packages: string[]; without: string }>;
export function installedPackages(dpkgStatus: string): Set<string>;
export function planProvisioning(options: { command: string } & Machine): Plan;
export function provision(
  command: string,
  options?: { dryRun?: boolean; log?: (line: string) => void; run?: (argv: string[]) => void; machine?: (packages: string[]) => Machine },
): Plan;
export function installNpmPackagesIfMissing(options?: { log?: (line: string) => void; run?: (argv: string[]) => void }): void;
export function onPath(command: string): boolean;
