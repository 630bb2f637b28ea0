/** Marpit's directive YAML reader (`@marp-team/marpit` ships types for its entry point only). */
declare module '@marp-team/marpit/lib/markdown/directives/yaml' {
  /** js-yaml's failsafe schema; with `looseYAML`, values of Marpit's directives need no quotes. `false` when it does not parse. */
  export function yaml(text: string, looseDirectives?: boolean | string[]): Record<string, unknown> | false;
}
