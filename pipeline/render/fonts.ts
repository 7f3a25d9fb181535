/**
 * Fonts, emoji and glyph coverage for the satori renderer.
 *
 * - `loadFonts()` returns the bundled CJK subsets (see fonts/README.md) as
 *   satori `fonts` entries plus a code-point coverage lookup.
 * - `loadEmoji()` / `loadAdditionalAsset()` turn an emoji grapheme into a
 *   Twemoji SVG data URI for satori's `loadAdditionalAsset` hook.
 * - `missingGlyphs()` lists the characters that would come out blank, so a
 *   brief can be rejected or flagged before it is rendered.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFontFilesSync } from '../assets/index.ts';
import { dirname, join } from 'node:path';
import type { Font } from 'satori';

/** The family name every template uses in `fontFamily`. */
export const FONT_FAMILY = 'Noto Sans SC';

/** One satori `fonts` entry (satori's own `FontOptions` type). */
export type SatoriFont = Font;

export interface FontSet {
  /**
   * Pass as satori's `fonts` option. The same (frozen) array and the same
   * Buffers on every call; to add a font, pass `[...satoriFonts, extra]`.
   */
  readonly satoriFonts: SatoriFont[];
  /** True when every loaded weight has a glyph for `codePoint`. */
  has(codePoint: number): boolean;
}

/** A font file as pipeline/assets/ reads it; the weight comes from its name (`…-Bold…` is 700). */
export interface FontFileData {
  readonly name: string;
  readonly data: Buffer;
}

const weightOf = (name: string): 400 | 700 => (/bold/i.test(name) ? 700 : 400);

let given: readonly FontFileData[] | undefined;

/**
 * The font files to draw with, as the command layer (or a worker's start) loaded them through
 * pipeline/assets/ (`loadAssets().fonts.files`). Without a call the fonts are read once through
 * the same loader. Call it once per process: satori parses fonts again for new Buffers.
 */
export function useFonts(files: readonly FontFileData[]): void {
  given = files;
  loaded = undefined;
}

// ---------------------------------------------------------------------------
// Fonts

interface LoadedFonts {
  readonly set: FontSet;
  readonly hash: string;
}

let loaded: LoadedFonts | undefined;

/**
 * Reads the font files once per process (through pipeline/assets/, or as `useFonts` gave them). satori caches parsed fonts by the
 * identity of the font Buffer: passing fresh Buffers with the same bytes
 * makes it parse them again (about 45 ms per weight) and, in a loop,
 * exhausts HarfBuzz's wasm heap. So the Buffers, the entries and the array
 * are created once here and returned unchanged on every call.
 */
function load(): LoadedFonts {
  if (loaded) return loaded;
  const hash = createHash('sha256');
  const fonts: SatoriFont[] = [];
  let covered: Set<number> | undefined;
  // regular first: satori takes the first font's metrics for line boxes
  const files = [...(given ?? readFontFilesSync().files)].sort((a, b) => weightOf(a.name) - weightOf(b.name));
  for (const file of files) {
    const data = Buffer.isBuffer(file.data) ? file.data : Buffer.from(file.data);
    hash.update(data);
    const cps = cmapCodePoints(data);
    if (covered === undefined) {
      covered = cps;
    } else {
      // Coverage is the intersection: a character missing from the bold
      // weight would still vanish from a bold headline.
      for (const cp of covered) if (!cps.has(cp)) covered.delete(cp);
    }
    fonts.push(Object.freeze({ name: FONT_FAMILY, data, weight: weightOf(file.name), style: 'normal' }));
  }
  const coverage = covered ?? new Set<number>();
  const set: FontSet = Object.freeze({
    satoriFonts: Object.freeze(fonts) as SatoriFont[],
    has: (codePoint: number): boolean => coverage.has(codePoint),
  });
  loaded = { set, hash: hash.digest('hex') };
  return loaded;
}

export function loadFonts(): FontSet {
  return load().set;
}

/** sha256 (hex) of the font files' bytes, in load order; for cache keys. */
export function fontsHash(): string {
  return load().hash;
}

// ---------------------------------------------------------------------------
// cmap parsing (formats 4 and 12 are all that OTF/TTF CJK fonts use)

/**
 * The Unicode code points mapped to a real glyph (not .notdef) by the cmap of
 * an SFNT font (OTF/TTF, not a collection). Reads every Unicode subtable of
 * format 4 (BMP) or 12 (full range) and returns their union.
 */
export function cmapCodePoints(font: Uint8Array): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const numTables = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    if (view.getUint32(rec) === 0x636d6170 /* 'cmap' */) {
      cmap = view.getUint32(rec + 8);
      break;
    }
  }
  if (cmap < 0) throw new Error('font has no cmap table');

  const out = new Set<number>();
  const numSub = view.getUint16(cmap + 2);
  const seen = new Set<number>();
  for (let i = 0; i < numSub; i++) {
    const rec = cmap + 4 + 8 * i;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const sub = cmap + view.getUint32(rec + 4);
    if (seen.has(sub)) continue;
    seen.add(sub);
    const format = view.getUint16(sub);
    if (format === 4) readFormat4(view, sub, out);
    else if (format === 12) readFormat12(view, sub, out);
  }
  return out;
}

function readFormat4(view: DataView, sub: number, out: Set<number>): void {
  const segCount = view.getUint16(sub + 6) / 2;
  const endCodes = sub + 14;
  const startCodes = endCodes + 2 * segCount + 2; // skip reservedPad
  const idDeltas = startCodes + 2 * segCount;
  const idRangeOffsets = idDeltas + 2 * segCount;
  for (let s = 0; s < segCount; s++) {
    const end = view.getUint16(endCodes + 2 * s);
    const start = view.getUint16(startCodes + 2 * s);
    const delta = view.getUint16(idDeltas + 2 * s);
    const rangeOffsetPos = idRangeOffsets + 2 * s;
    const rangeOffset = view.getUint16(rangeOffsetPos);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) {
        glyph = (c + delta) & 0xffff;
      } else {
        const pos = rangeOffsetPos + rangeOffset + 2 * (c - start);
        glyph = view.getUint16(pos);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
}

function readFormat12(view: DataView, sub: number, out: Set<number>): void {
  const numGroups = view.getUint32(sub + 12);
  for (let g = 0; g < numGroups; g++) {
    const rec = sub + 16 + 12 * g;
    const start = view.getUint32(rec);
    const end = view.getUint32(rec + 4);
    const startGlyph = view.getUint32(rec + 8);
    for (let c = start; c <= end; c++) {
      if (startGlyph + (c - start) !== 0) out.add(c);
    }
  }
}

// ---------------------------------------------------------------------------
// Emoji (Twemoji SVGs from the @twemoji/svg package, graphics CC-BY 4.0)

const TWEMOJI_DIR = dirname(createRequire(import.meta.url).resolve('@twemoji/svg/package.json'));

/**
 * Data URIs (or `null` for "no file") by grapheme. Bounded because the keys
 * come from user copy: without a cap, a long-running process fed arbitrary
 * text would keep every lookup forever (each hit is a 1–10 KB base64 string,
 * and misses are keyed by arbitrary strings). Oldest-first eviction; a Map
 * keeps insertion order and a hit is re-inserted, so this is an LRU.
 */
const EMOJI_CACHE_MAX = 512;
const emojiCache = new Map<string, string | null>();

const FE0F = /\uFE0F/gu;
const FE0E = /\uFE0E/gu;
/** Longest Twemoji name is 7 code points (tag-sequence flags); leave room. */
const MAX_EMOJI_CODE_POINTS = 16;

function twemojiName(segment: string): string {
  return Array.from(segment, (ch) => (ch.codePointAt(0) ?? 0).toString(16)).join('-');
}

function readTwemoji(segment: string): string | null {
  const cps = Array.from(segment);
  if (cps.length === 0 || cps.length > MAX_EMOJI_CODE_POINTS) return null;
  // Twemoji names files by the code points in lowercase hex joined by '-'.
  // U+FE0F is kept in some names (e.g. 1f468-200d-2695-fe0f) and dropped in
  // most (2764.svg for ❤️): try it as written, then without FE0F, then
  // without FE0E either (text presentation requested, but our fonts have no
  // text glyph for it, so the colour image beats a blank).
  const candidates = new Set([segment, segment.replace(FE0F, ''), segment.replace(FE0F, '').replace(FE0E, '')]);
  for (const candidate of candidates) {
    if (candidate === '') continue;
    let svg: Buffer;
    try {
      svg = readFileSync(join(TWEMOJI_DIR, `${twemojiName(candidate)}.svg`));
    } catch {
      continue;
    }
    return `data:image/svg+xml;base64,${svg.toString('base64')}`;
  }
  return null;
}

/**
 * The Twemoji image for one emoji grapheme as a `data:image/svg+xml;base64,`
 * URI, or undefined when Twemoji has no image for it.
 */
export function loadEmoji(segment: string): string | undefined {
  const cached = emojiCache.get(segment);
  if (cached !== undefined) {
    emojiCache.delete(segment);
    emojiCache.set(segment, cached);
    return cached ?? undefined;
  }
  const uri = readTwemoji(segment);
  if (emojiCache.size >= EMOJI_CACHE_MAX) {
    const oldest = emojiCache.keys().next();
    if (!oldest.done) emojiCache.delete(oldest.value);
  }
  emojiCache.set(segment, uri);
  return uri ?? undefined;
}

/**
 * Ready-made satori `loadAdditionalAsset` hook: emoji graphemes become
 * Twemoji images; anything else gets no extra font (it is reported by
 * `missingGlyphs` instead, since we never fetch fonts at render time).
 */
export async function loadAdditionalAsset(languageCode: string, segment: string): Promise<string | SatoriFont[]> {
  if (languageCode === 'emoji') return loadEmoji(segment) ?? [];
  return [];
}

// ---------------------------------------------------------------------------
// Coverage

const graphemes = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

/**
 * Characters that never need a glyph: whitespace, controls, zero-width
 * format characters (U+200B–U+200D, U+2060, U+FEFF, soft hyphen …) and
 * variation selectors (U+FE00–U+FE0F, U+E0100–U+E01EF).
 */
const IGNORABLE = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Variation_Selector}]$/u;
/** A grapheme that Twemoji might draw: pictographs, flags, keycaps. */
const EMOJI_LIKE = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u20E3]/u;

/**
 * The distinct characters of `text` that no loaded font covers and that are
 * not emoji drawn by Twemoji, in order of first appearance. Whitespace,
 * control and zero-width characters and variation selectors are ignored.
 * Emoji are checked as graphemes: an emoji grapheme passes when the fonts
 * cover it or Twemoji has an image for it; otherwise the whole grapheme is
 * reported (e.g. an unknown ZWJ sequence), since that is what the writer
 * typed as one character.
 */
export function missingGlyphs(text: string): string[] {
  const fonts = loadFonts();
  const missing = new Set<string>();
  for (const { segment } of graphemes.segment(text)) {
    const uncovered: string[] = [];
    for (const ch of segment) {
      if (IGNORABLE.test(ch)) continue;
      if (!fonts.has(ch.codePointAt(0) ?? 0)) uncovered.push(ch);
    }
    if (uncovered.length === 0) continue;
    if (EMOJI_LIKE.test(segment)) {
      if (loadEmoji(segment) === undefined) missing.add(segment);
      continue;
    }
    for (const ch of uncovered) missing.add(ch);
  }
  return [...missing];
}
