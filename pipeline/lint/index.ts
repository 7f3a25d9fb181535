// The compliance linter: rules as data (rules/*.yaml, lexicon.yaml), engines as code
// (normalize → automaton + patterns → context → detectors). See COMPLIANCE.md for the law.
export { lintSpans, piiFindings, rulesetVersion, ruleCatalog, ruleDefinitions } from './engine.ts';
export type { Finding, CatalogEntry, LintContext } from './engine.ts';
export { REQUIRED_WARNINGS } from './warnings.ts';
export type { WarningKind } from './warnings.ts';
export { normalize } from './normalize.ts';
export type { Normalized } from './normalize.ts';
export { applyFixes } from './fix.ts';
