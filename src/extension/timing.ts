/**
 * Imported first by the entry point, so this runs before the rest of the bundle is evaluated:
 * the activation time the extension reports covers loading its code as well as `activate`.
 */
export const loadStarted = performance.now();
