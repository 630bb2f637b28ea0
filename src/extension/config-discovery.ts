import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { ConfigFile } from '../core/config/schema';
import { ConfigError, ConfigLoader } from '../core/config/load';
import { RESTRICTED_CONFIG_MESSAGE } from './messages';

export interface DiscoveredConfig {
  /** Parent first. */
  files: ConfigFile[];
  sources: string[];
  messages: string[];
}

const CODE_NAMES = ['.isdeckrc.js', '.isdeckrc.cjs', '.isdeckrc.mjs'];

/**
 * The configuration files for a deck, found as the command line finds them (the core's
 * ConfigLoader: `.isdeckrc.json` / `.yaml` / `.yml` from the deck's folder upward, child
 * overriding parent, `root: true` stops). A file that does not parse or validate is named in
 * the messages and the defaults apply. Configuration written as code is never run by the
 * extension; it is reported (in Restricted Mode, saying so).
 */
export function discoverConfigFiles(deckPath: string, workspaceRoot: string | undefined, options: { allowCode: boolean }): DiscoveredConfig {
  const folder = dirname(resolve(deckPath));
  const messages: string[] = [];
  let files: ConfigFile[] = [];
  let sources: string[] = [];
  try {
    const loaded = new ConfigLoader({ display: (path) => path }).filesFor(folder);
    files = loaded.map((entry) => entry.config);
    sources = loaded.map((entry) => entry.file);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    messages.push(`Configuration ignored, the defaults apply: ${error.message}`);
  }
  for (let current = folder, depth = 0; depth < 64; depth++) {
    for (const name of CODE_NAMES) {
      const path = join(current, name);
      if (!existsSync(path)) continue;
      messages.push(
        options.allowCode
          ? `${path} is configuration written as code, which isdeck does not run: use .isdeckrc.json or .yaml.`
          : `${path} is ${RESTRICTED_CONFIG_MESSAGE}`,
      );
    }
    if (!workspaceRoot || current === resolve(workspaceRoot) || relative(resolve(workspaceRoot), current).startsWith('..')) break;
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return { files, sources, messages };
}
