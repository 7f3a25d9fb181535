/**
 * Rebuilds fonts/NotoSansSC-{Regular,Bold}.subset.otf from Debian's
 * fonts-noto-cjk package. Run from the repository root:
 *
 *   npx tsx fonts/subset.ts
 *
 * If /usr/share/fonts/opentype/noto/NotoSansCJK-*.ttc is missing, the script
 * installs `fonts-noto-cjk` with apt-get when it runs as root, and otherwise
 * stops and says what to install. See fonts/README.md for the character set.
 */
import { $ } from 'zx';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cmapCodePoints } from '../pipeline/render/fonts.ts';

const SOURCE_DIR = '/usr/share/fonts/opentype/noto';
/** The face of the collection we take: Simplified Chinese, proportional. */
const FACE_NAME = 'Noto Sans CJK SC';

const WEIGHTS = [
  { source: 'NotoSansCJK-Regular.ttc', output: 'NotoSansSC-Regular.subset.otf' },
  { source: 'NotoSansCJK-Bold.ttc', output: 'NotoSansSC-Bold.subset.otf' },
] as const;

type SubsetFont = (
  font: Buffer,
  text: string,
  options: { targetFormat: 'sfnt'; noLayoutClosure: boolean; preserveNameIds?: number[] },
) => Promise<Buffer>;
const subsetFont = createRequire(import.meta.url)('subset-font') as SubsetFont;

// ---------------------------------------------------------------------------
// Character set

/** Every character of GB2312 (rows 0xA1–0xF7, cells 0xA1–0xFE), decoded by ICU. */
export function gb2312Chars(): string[] {
  const decoder = new TextDecoder('gb18030', { fatal: false });
  const chars: string[] = [];
  for (let row = 0xa1; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const ch = decoder.decode(new Uint8Array([row, cell]));
      const cp = ch.codePointAt(0) ?? 0xfffd;
      // GB18030 fills GB2312's empty positions (rows 0xAA–0xAF, the tail of
      // row 0xD7 and gaps in the symbol rows) with Private Use code points.
      if ([...ch].length !== 1 || cp === 0xfffd || (cp >= 0xe000 && cp <= 0xf8ff)) continue;
      chars.push(ch);
    }
  }
  return chars;
}

/** The characters of fonts/extra-chars.txt, minus `#` comment lines and whitespace. */
export function extraChars(): string[] {
  const text = readFileSync(new URL('./extra-chars.txt', import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .flatMap((line) => [...line])
    .filter((ch) => !/\s/u.test(ch));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Everything the subsets should cover, sorted. */
export function wantedCodePoints(): number[] {
  const cps = new Set<number>([
    ...range(0x20, 0x7e), // Basic Latin
    ...range(0xa0, 0xff), // Latin-1 Supplement: punctuation, ¥ × ÷ é …
    ...range(0x2010, 0x2027), // General Punctuation: ‐ – — ‘ ’ “ ” • … ‧
    0x2030, // ‰
    ...range(0x3000, 0x303f), // CJK Symbols and Punctuation: 、。〈〉《》「」【】〔〕
    ...range(0xff01, 0xff5e), // full-width ASCII forms
    ...range(0xffe0, 0xffe6), // full-width ￠￡￢￣￤￥￦
    0x20ac, // €
    0x2103, // ℃
    ...range(0x2460, 0x2473), // ① … ⑳
    0x2713, // ✓
    0x2605, 0x2606, // ★ ☆
    0x25cf, 0x25cb, 0x25c6, 0x25b2, // ● ○ ◆ ▲
    0x2190, 0x2191, 0x2192, 0x2193, // ← ↑ → ↓
  ]);
  for (const ch of [...gb2312Chars(), ...extraChars()]) cps.add(ch.codePointAt(0) ?? 0);
  return [...cps].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------
// TTC → standalone OTF

interface TableRecord {
  tag: string;
  checksum: number;
  offset: number;
  length: number;
}

function tableRecords(buf: Buffer, faceOffset: number): TableRecord[] {
  const numTables = buf.readUInt16BE(faceOffset + 4);
  return range(0, numTables - 1).map((i) => {
    const rec = faceOffset + 12 + 16 * i;
    return {
      tag: buf.toString('latin1', rec, rec + 4),
      checksum: buf.readUInt32BE(rec + 4),
      offset: buf.readUInt32BE(rec + 8),
      length: buf.readUInt32BE(rec + 12),
    };
  });
}

/** The Windows-Unicode family name (name ID 1) of a face, if any. */
function faceFamilyName(buf: Buffer, tables: TableRecord[]): string | undefined {
  const name = tables.find((t) => t.tag === 'name');
  if (!name) return undefined;
  const count = buf.readUInt16BE(name.offset + 2);
  const strings = name.offset + buf.readUInt16BE(name.offset + 4);
  for (let i = 0; i < count; i++) {
    const rec = name.offset + 6 + 12 * i;
    const [platform, encoding, language, nameId, length, offset] = range(0, 5).map((k) => buf.readUInt16BE(rec + 2 * k));
    if (platform === 3 && encoding === 1 && language === 0x409 && nameId === 1) {
      const raw = Buffer.from(buf.subarray(strings + offset!, strings + offset! + length!));
      return raw.swap16().toString('utf16le');
    }
  }
  return undefined;
}

/** Copies one face of a TrueType/OpenType collection into a standalone SFNT file. */
function extractFace(ttc: Buffer, faceName: string): Buffer {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') throw new Error('not a font collection (no ttcf header)');
  const numFonts = ttc.readUInt32BE(8);
  const names: string[] = [];
  for (let i = 0; i < numFonts; i++) {
    const faceOffset = ttc.readUInt32BE(12 + 4 * i);
    const tables = tableRecords(ttc, faceOffset);
    const name = faceFamilyName(ttc, tables) ?? `(face ${i})`;
    names.push(name);
    if (name !== faceName) continue;

    const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
    const headerSize = 12 + 16 * sorted.length;
    const padded = (n: number) => (n + 3) & ~3;
    const size = sorted.reduce((sum, t) => sum + padded(t.length), headerSize);
    const out = Buffer.alloc(size);
    const entrySelector = Math.floor(Math.log2(sorted.length));
    out.writeUInt32BE(ttc.readUInt32BE(faceOffset), 0); // sfntVersion ('OTTO')
    out.writeUInt16BE(sorted.length, 4);
    out.writeUInt16BE(16 * 2 ** entrySelector, 6); // searchRange
    out.writeUInt16BE(entrySelector, 8);
    out.writeUInt16BE(16 * sorted.length - 16 * 2 ** entrySelector, 10); // rangeShift
    let at = headerSize;
    sorted.forEach((t, i) => {
      const rec = 12 + 16 * i;
      out.write(t.tag, rec, 'latin1');
      out.writeUInt32BE(t.checksum, rec + 4);
      out.writeUInt32BE(at, rec + 8);
      out.writeUInt32BE(t.length, rec + 12);
      ttc.copy(out, at, t.offset, t.offset + t.length);
      at += padded(t.length);
    });
    return out;
  }
  throw new Error(`no face named "${faceName}" in the collection; faces: ${names.join(', ')}`);
}

// ---------------------------------------------------------------------------

async function ensureSource(): Promise<void> {
  const missing = WEIGHTS.filter((w) => !existsSync(`${SOURCE_DIR}/${w.source}`));
  if (missing.length === 0) return;
  const files = missing.map((w) => `${SOURCE_DIR}/${w.source}`).join(', ');
  if (process.getuid?.() !== 0) {
    throw new Error(`missing ${files}: run \`sudo apt-get install -y fonts-noto-cjk\` (Debian/Ubuntu) and retry`);
  }
  console.log(`missing ${files}: installing fonts-noto-cjk with apt-get`);
  await $({ stdio: 'inherit' })`apt-get update`;
  await $({ stdio: 'inherit' })`apt-get install -y fonts-noto-cjk`;
}

async function main(): Promise<void> {
  await ensureSource();
  const wanted = wantedCodePoints();
  console.log(`wanted: ${wanted.length} code points (GB2312 ${gb2312Chars().length}, extra list ${extraChars().length})`);

  for (const weight of WEIGHTS) {
    const source = readFileSync(`${SOURCE_DIR}/${weight.source}`);
    const face = extractFace(source, FACE_NAME);
    const available = cmapCodePoints(face);
    const absent = wanted.filter((cp) => !available.has(cp));
    // A few rarely used punctuation marks of U+2010–2027 are not in Noto
    // Sans CJK at all; report them rather than fail.
    if (absent.length > 0) {
      const list = absent.map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
      console.log(`${weight.source}: ${absent.length} wanted code points not in the source face: ${list}`);
    }
    const text = String.fromCodePoint(...wanted.filter((cp) => available.has(cp)));
    const subset = await subsetFont(face, text, {
      targetFormat: 'sfnt',
      noLayoutClosure: true,
      // Keep the copyright, licence and licence URL strings in the font.
      preserveNameIds: [0, 1, 2, 3, 4, 5, 6, 13, 14],
    });
    const covered = cmapCodePoints(subset);
    const lost = wanted.filter((cp) => available.has(cp) && !covered.has(cp));
    if (lost.length > 0) throw new Error(`${weight.output}: subset dropped ${lost.length} code points`);
    const out = new URL(`./${weight.output}`, import.meta.url);
    writeFileSync(out, subset);
    const sha = createHash('sha256').update(subset).digest('hex');
    console.log(`${weight.output}: ${subset.length} bytes, ${covered.size} code points, sha256 ${sha}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('fonts/subset.ts')) {
  await main();
}
