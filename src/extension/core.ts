import { join } from 'node:path';
import type * as CoreApi from './core-api';

export type Core = typeof CoreApi;

let loaded: Core | undefined;

/**
 * The core bundle (dist/core.js), loaded on first use. The extension's own bundle stays small,
 * so activation is fast; the first lint, fix or render pays the load once.
 */
export function core(): Core {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known at run time, loaded synchronously on first use
  loaded ??= require(join(__dirname, 'core.js')) as Core;
  return loaded;
}

export function isCoreLoaded(): boolean {
  return loaded !== undefined;
}
