export { chartDataFromTable, parseChartValue, housePlugin, slideTypeOf } from './house-plugin';
export type { ChartData, ChartSeries, ChartValue, ImageResolver } from './house-plugin';
export { renderChartSvg, describeChart } from './chart-svg';
export { fitLevel, FIT_SCALES } from './fit';
export { createHouseMarp } from './marp';
export { renderDeck, renderStandaloneHtml, houseMarp, readFrontMatter } from './render';
export { embeddingImageResolver } from '../images/embed';
export type { RenderDeckOptions, RenderedDeck, RenderWarning, SlideSize, StandaloneHtml } from './render';
export { findPackageRoot, loadHouseThemeCss, themePath, HOUSE_THEME_NAME } from './theme';
