/**
 * The house slide types, in the house order: each type's whole declaration lives in its own
 * file here (name, description, template, fields, fit, PowerPoint drawer and layout, importer
 * recogniser). Adding a type is adding its file to this list (CONTRIBUTING.md).
 */
import benefitsRisks from './benefits-risks';
import chart from './chart';
import content from './content';
import cover from './cover';
import type { SlideTypeDeclaration } from './declaration';
import discussion from './discussion';
import models from './models';
import quote from './quote';
import spectrum from './spectrum';
import statistics from './statistics';

export type { SlideField, SlideTypeDeclaration } from './declaration';

export const SLIDE_TYPE_DECLARATIONS = [cover, content, models, benefitsRisks, statistics, chart, spectrum, quote, discussion] as const;

export type SlideType = (typeof SLIDE_TYPE_DECLARATIONS)[number]['name'];

export const SLIDE_TYPES: readonly SlideType[] = SLIDE_TYPE_DECLARATIONS.map((declaration) => declaration.name);

export function isSlideType(value: string): value is SlideType {
  return (SLIDE_TYPES as readonly string[]).includes(value);
}

export function slideTypeDeclaration(type: SlideType): SlideTypeDeclaration<SlideType> {
  return SLIDE_TYPE_DECLARATIONS.find((declaration) => declaration.name === type)!;
}

/**
 * The order the importer asks the types' recognisers in; the first that recognises a slide
 * types it. The order settles overlaps: a "Group Discussion" title slide is a discussion, a
 * chart with four headed texts is a chart, figure-led cards are statistics before models, a
 * lone quotation with its attribution is a quote; `content` takes the rest.
 */
const RECOGNITION_ORDER: readonly SlideType[] = ['discussion', 'cover', 'chart', 'benefits-risks', 'spectrum', 'statistics', 'models', 'quote', 'content'];

export const RECOGNISERS = RECOGNITION_ORDER.flatMap((type) => slideTypeDeclaration(type).recogniser ?? []);
