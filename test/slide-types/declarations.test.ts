/**
 * Every slide type is declared once, in src/core/slide-types, and everything else finds it there:
 * the list of types, the theme's CSS, the PowerPoint layouts, the importer's recognisers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { houseLayouts } from '../../src/core/export/pptx/house-layouts';
import { slideGeometry } from '../../src/core/export/pptx/layout';
import { RECOGNISERS, SLIDE_TYPE_DECLARATIONS, SLIDE_TYPES } from '../../src/core/slide-types';
import { PROJECT_ROOT } from '../helpers/cli';

const THEME = readFileSync(join(PROJECT_ROOT, 'themes/improvement-service.css'), 'utf8');

describe('the slide type declarations', () => {
  it('give the house types, in the house order, each named once', () => {
    expect(SLIDE_TYPES).toEqual(['cover', 'content', 'models', 'benefits-risks', 'statistics', 'chart', 'spectrum', 'quote', 'discussion']);
    expect(new Set(SLIDE_TYPES).size).toBe(SLIDE_TYPES.length);
  });

  it.each(SLIDE_TYPE_DECLARATIONS.map((declaration) => [declaration.name, declaration] as const))('%s: template opens with its class, fields are named', (name, declaration) => {
    expect(declaration.template[0]).toBe(`<!-- _class: ${name} -->`);
    expect(declaration.fields.length).toBeGreaterThan(0);
    expect(declaration.fields.every((field) => field.name !== '' && field.description !== '')).toBe(true);
  });

  it('each type but content (the theme default) has CSS of its own', () => {
    const styled = SLIDE_TYPES.filter((type) => THEME.includes(`section.${type} `) || THEME.includes(`section.${type}\n`) || THEME.includes(`.${type} >`));
    expect(SLIDE_TYPES.filter((type) => !styled.includes(type))).toEqual(['content']);
  });

  it('each type has a PowerPoint layout of its name, at both sizes', () => {
    for (const size of ['16:9', '4:3'] as const) {
      const keys = houseLayouts(slideGeometry(size)).map((layout) => layout.key);
      expect(SLIDE_TYPES.filter((type) => !keys.includes(type))).toEqual([]);
    }
  });

  it('each type with a recogniser is asked exactly once, content last', () => {
    const recognised = SLIDE_TYPE_DECLARATIONS.filter((declaration) => declaration.recogniser).map((declaration) => declaration.name);
    expect(RECOGNISERS.map((recogniser) => recogniser.type).sort()).toEqual([...recognised].sort());
    expect(RECOGNISERS.at(-1)?.type).toBe('content');
  });
});
