/**
 * Settings every Node bundle of ours shares. Some dependencies ship ES modules that read
 * `import.meta.url` at load time; in a CommonJS bundle that is undefined, so it is defined
 * from the bundle's own file name.
 */
export const nodeBundle = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  define: { 'import.meta.url': '__isdeckImportMetaUrl' },
  banner: { js: "const __isdeckImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
};
