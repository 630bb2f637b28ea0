/**
 * The rendered rules (`slide-overflow`, `min-font-size`, `contrast`) over what the preview's
 * webview measured: the same rules, options, severities and inline disables as
 * `isdeck lint --render` (src/core/render-check/check.ts), with the measuring done by the
 * webview instead of a browser the core starts. Runs in the extension host, from the core
 * bundle (dist/core.js). No `vscode` import.
 */
import type { ResolvedConfig } from '../core/config/schema';
import { parseDeck } from '../core/deck/parse';
import { renderedRulesOn, runRenderedRules } from '../core/render-check/rendered-rules';
import { type ContrastFailure, type SlideLayout, withContrast } from '../core/render-check/measure';
import type { Problem, SlideMeasurement } from '../core/rules/rule';

/** What the webview is asked to measure for a deck: nothing when every rendered rule is off. */
export interface MeasureRequest {
  /** Run axe-core's colour-contrast (the `contrast` rule is on). */
  contrast: boolean;
}

export function measureRequest(config: ResolvedConfig): MeasureRequest | undefined {
  const rules = renderedRulesOn(config);
  if (rules.length === 0) return undefined;
  return { contrast: rules.some((rule) => rule.id === 'contrast') };
}

/** The problems of the rendered rules that are on, for the deck text that was drawn. */
export function renderedRuleProblems(text: string, file: string | undefined, config: ResolvedConfig, measurements: readonly SlideMeasurement[]): Problem[] {
  if (renderedRulesOn(config).length === 0) return [];
  return runRenderedRules(parseDeck(text, file), config, measurements);
}

const MAX_SLIDES = 10_000;
const MAX_ITEMS = 500;

const text = (value: unknown, max = 200): string => (typeof value === 'string' ? value.slice(0, max) : '');
const number = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value.slice(0, MAX_ITEMS) : []);
const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/**
 * The webview's `measured` message as measurements, whatever it holds: the page runs only our
 * scripts, but its message is still data from another process, so it is read field by field.
 */
export function readMeasurements(layout: unknown, contrast: unknown): SlideMeasurement[] {
  const slides: SlideLayout[] = (Array.isArray(layout) ? layout.slice(0, MAX_SLIDES) : []).map((value, index) => {
    const slide = record(value);
    return {
      slide: Number.isInteger(slide.slide) ? (slide.slide as number) : index,
      overflow: list(slide.overflow).map((entry) => {
        const item = record(entry);
        const where = item.where === 'header' || item.where === 'footer' ? item.where : 'slide';
        return { what: text(item.what), where, by: number(item.by) };
      }),
      text: list(slide.text).map((entry) => {
        const item = record(entry);
        return { text: text(item.text), px: number(item.px) };
      }),
    };
  });
  const failures: ContrastFailure[] = (Array.isArray(contrast) ? contrast.slice(0, MAX_SLIDES) : []).map((entry) => {
    const item = record(entry);
    return {
      slide: Number.isInteger(item.slide) ? (item.slide as number) : -1,
      text: text(item.text),
      ratio: number(item.ratio),
      required: number(item.required),
      foreground: text(item.foreground, 40),
      background: text(item.background, 40),
    };
  });
  return withContrast(slides, failures);
}
