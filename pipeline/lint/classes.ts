// The normalised text's character classes and gap strengths, and the confusables data: what
// normalize.ts and evasion.ts both read. A module of its own so the two do not import each other.
import { readFileSync } from 'node:fs';
import { parseYamlCached as parseYaml } from './data-cache.ts';

/** Character classes of the normalised text. */
export const DROP = 0;
export const CJK = 1;
export const DIGIT = 2;
export const LATIN = 3;
export const OTHER = 4;
/** whitespace, punctuation, symbols */
export const GAP = 5;
/** `*` and `＊`: masking characters (138****5678, 张*). Kept in the text so masked forms stay masked. */
export const MASK = 6;

/** Gap strengths: what was dropped between two CJK characters. */
export const WEAK = 1;
export const CLAUSE = 2;
export const SENTENCE = 3;

/** confusables.yaml, parsed once (evasion.ts reads its sequence and homophone data from here) */
export const CONFUSABLES = parseYaml(readFileSync(new URL('./confusables.yaml', import.meta.url), 'utf8')) as {
  chars?: Record<string, string>;
  joins?: Record<string, string[]>;
  homophoneStop?: string[];
  homophoneCommon?: string;
  commonWords?: string;
  readings?: Record<string, string>;
  pinyinWords?: string[];
};
