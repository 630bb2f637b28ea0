import { existsSync, statSync } from 'node:fs';
import { nodePictureFiles } from '../images/policy';
import type { LintEnvironment } from '../rules/rule';

/** The environment the CLI and the extension give rules: the real file system. */
export function nodeEnvironment(workspaceRoot: string | undefined): LintEnvironment {
  return {
    workspaceRoot,
    fileExists: (absolutePath) => existsSync(absolutePath) && statSync(absolutePath).isFile(),
    realPath: nodePictureFiles.realPath,
  };
}
