/**
 * Orders names as a reader expects ("Élise" beside "Elise", "Outlet 2" before "Outlet 10").
 * One collator, made once: `localeCompare` builds one per call, which is what made sorting a
 * few thousand speakers take tens of milliseconds in the renderer (issue 9). Made at the
 * first comparison, not when the module loads: making it loads the locale's data (14–48 ms
 * in Chromium here), which held up the page's first script before anything was drawn.
 */
let collator: Intl.Collator | null = null;

export const compareNames = (a: string, b: string): number =>
  (collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })).compare(a, b);
