/** Texts shared by the extension shell and the lazily loaded core bundle (no `vscode` import here). */
export const RESTRICTED_EXPORT_MESSAGE =
  'Export is disabled in Restricted Mode: it starts a browser and writes files, and this workspace is not trusted. Trust the workspace to export.';
export const RESTRICTED_CONFIG_MESSAGE =
  'ignored in Restricted Mode: configuration written as code (.isdeckrc.js/.cjs/.mjs) would run. Trust the workspace to use it, or use .isdeckrc.json/.yaml.';
