import { z } from 'zod';
import type { Rule, Severity } from '../rules/rule';

export const severitySchema = z.enum(['error', 'warning', 'off']);
export type SeveritySetting = z.infer<typeof severitySchema>;

/**
 * The schema of `.isdeckrc.json` / `.isdeckrc.yaml`, built from the rule registry so that an
 * unknown rule id or a bad option is reported by its key, and the JSON schema the editor uses
 * is generated from the same source.
 */
export function buildConfigSchema(rules: readonly Rule[]) {
  const ruleSettings = Object.fromEntries(
    rules.map((rule) => {
      const detailed = z
        .object({ severity: severitySchema.optional(), options: strictOptions(rule.options).optional() })
        .strict()
        .describe(rule.description);
      return [rule.id, z.union([severitySchema, detailed]).optional().describe(rule.description)];
    }),
  );
  return z
    .object({
      $schema: z.string().optional(),
      root: z.boolean().optional().describe('Stop looking for configuration in parent folders.'),
      render: z.boolean().optional().describe('Run the rendered rules (a browser) as if `--render` were given.'),
      html: z
        .boolean()
        .optional()
        .describe("Draw raw HTML in decks through Marp's allowlist of tags (`<br>`, `<p>`, `<img>`…). Off by default: tags are left out of the slides and the `raw-html` rule names them."),
      allowRemote: z
        .boolean()
        .optional()
        .describe('Let PDF export and the rendered checks load web resources the deck names (as if `--allow-remote` were given); off by default: no network request.'),
      rules: z.object(ruleSettings).strict().optional(),
    })
    .strict();
}

/** An unknown option key in a config file is a mistake to report, not to ignore. */
function strictOptions(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodObject ? schema.strict() : schema;
}

export type ConfigFile = z.infer<ReturnType<typeof buildConfigSchema>>;

export interface RuleSetting {
  severity: Severity | 'off';
  options: unknown;
}

/** Configuration after merging files: per rule, its severity and parsed options. */
export interface ResolvedConfig {
  render: boolean;
  /** Raw HTML drawn through Marp's allowlist (`html: true`); off by default. */
  html: boolean;
  /** `allowRemote: true`: pages may load web resources (see `export/network.ts`). */
  allowRemote: boolean;
  rules: Map<string, RuleSetting>;
}

/** Merges config files, parent first, child overriding; options merge key by key. */
export function resolveConfig(rules: readonly Rule[], files: readonly ConfigFile[]): ResolvedConfig {
  const settings = new Map<string, RuleSetting>();
  let render = false;
  for (const rule of rules) {
    const entries = files.map((file) => file.rules?.[rule.id]);
    let severity: Severity | 'off' = rule.defaultSeverity;
    let options: Record<string, unknown> = {};
    for (const entry of entries) {
      if (entry === undefined) continue;
      if (typeof entry === 'string') {
        severity = entry;
        continue;
      }
      if (entry.severity) severity = entry.severity;
      if (entry.options) options = { ...options, ...(entry.options as Record<string, unknown>) };
    }
    settings.set(rule.id, { severity, options: rule.options.parse(options) });
  }
  let html = false;
  let allowRemote = false;
  for (const file of files) {
    render = file.render ?? render;
    html = file.html ?? html;
    allowRemote = file.allowRemote ?? allowRemote;
  }
  return { render, html, allowRemote, rules: settings };
}
