// Evasion: the second half of normalisation. Writers keep a banned claim and lose the word — 亻呆本
// (components), 0风险 (digits for numerals), wěn zhuàn / wenzhuan / wen赚 (pinyin), 温赚 / 宝本
// (homophones). This pass reads such spans back as the words they stand for, in the normalised text
// itself, so every word rule, pattern and concept list downstream matches the evaded text without
// knowing about evasion, and findings still point at the original characters (each rewritten
// character keeps the original range it was read from).
//
// Two passes over the base-normalised text, both linear:
//   1. sequences: component pairs from confusables.yaml (亻呆 → 保) and digit forms of the banned
//      terms (0风险 → 零风险), found from a first-character index;
//   2. pinyin space: every CJK character is fed as its toneless pinyin letters and every Latin
//      letter as itself into one automaton over the letters of the vocabulary's pinyin. A match
//      whose characters differ from the word is read as the word when
//        - it contains Latin letters (pinyin is deliberate), starting and ending on syllable
//          boundaries, at least 5 letters or 3 syllables, not inside an email or web address; or
//        - it is all CJK (a homophone), the word is a banned term, it shares at least half of its
//          characters with the word, it is neither a vocabulary word nor in homophoneStop, and (for
//          words of up to three characters) no substituted character is one of the 300 most
//          frequent characters (运行时|测试 is not 实测).
//
// The vocabulary: the terms of every error/warning word rule (banned: pinyin, homophones, digits),
// the lexicon, the claims layer's concept lists (claims/concepts.yaml: pinyin and digits only), the
// words only its patterns name (confusables.yaml pinyinWords: likewise), and whatever
// registerEvasionVocabulary adds. Compiled once per process, on first use.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { pinyin as toPinyin } from '@napi-rs/pinyin';
import { parseYamlCached as parseYaml } from './data-cache.ts';
import { CJK, CLAUSE, CONFUSABLES, LATIN, DIGIT, GAP } from './classes.ts';
import type { Normalized } from './normalize.ts';

/** how a normalised character was read (Normalized.via) */
export const VIA_NONE = 0;
export const VIA_JOIN = 1;
export const VIA_DIGIT = 2;
export const VIA_PINYIN = 3;
export const VIA_HOMOPHONE = 4;

export type Tier = 'banned' | 'word';

export const VIA_FIGURE = 5;

interface Rewrite {
  from: number;
  to: number;
  text: string;
  /** normalised [from, to) each output character was read from */
  parts: [number, number][];
  via: number;
  /** each output character's class, where not all are CJK (a figure read as digits) */
  classes?: number[];
}

// ---------------------------------------------------------------------------------------------
// Pinyin of single characters, cached in a table (one native call per distinct character)

const SYLLABLES: string[] = [''];
/** the letters of each syllable as automaton symbols (a = 0) */
const SYLLABLE_CODES: Uint8Array[] = [new Uint8Array(0)];
const SYLLABLE_ID = new Map<string, number>();
/** 0 unknown, -1 no pinyin, else index into SYLLABLES */
const CHAR_SYLLABLE = new Int16Array(0x10000);

function syllableId(s: string): number {
  let id = SYLLABLE_ID.get(s);
  if (id === undefined) {
    id = SYLLABLES.length;
    SYLLABLES.push(s);
    SYLLABLE_CODES.push(Uint8Array.from(s, (ch) => ch.charCodeAt(0) - 97));
    SYLLABLE_ID.set(s, id);
  }
  return id;
}

/** toneless pinyin as matched: lower-case a–z (ü as u, as the normaliser reads a typed ü) */
function plain(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function charSyllable(code: number): number {
  let v = CHAR_SYLLABLE[code]!;
  if (v !== 0) return v;
  const ch = String.fromCharCode(code);
  const [p] = toPinyin(ch);
  const s = typeof p === 'string' ? plain(p) : '';
  v = /^[a-z]+$/.test(s) && s !== ch ? syllableId(s) : -1;
  CHAR_SYLLABLE[code] = v;
  return v;
}

/** every reading of each character of a word (for the vocabulary side) */
function readings(word: string, overrides: Map<string, string[]>): string[][] | undefined {
  const out: string[][] = [];
  for (const ch of word) {
    const [r] = toPinyin(ch, { heteronym: true }) as unknown as string[][];
    const list = [...new Set((r ?? []).map(plain))].filter((s) => /^[a-z]+$/.test(s));
    if (!list.length) return undefined;
    out.push(list);
  }
  // a word's own reading of a polyphone comes first (央行 is yang hang, not yang xing)
  for (const [key, sy] of overrides) {
    for (let at = word.indexOf(key); at >= 0; at = word.indexOf(key, at + 1)) {
      sy.forEach((s, k) => {
        const list = out[at + k]!;
        out[at + k] = [s, ...list.filter((x) => x !== s)];
      });
    }
  }
  return out;
}

/** Every toneless Mandarin syllable (the readings of U+4E00–U+9FA5 in @napi-rs/pinyin, ü as u). */
const ALL_SYLLABLES = [
  'a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang ' +
  'cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan ' +
  'chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia ' +
  'dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fiao ' +
  'fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai ' +
  'han hang hao he hei hen heng hm hng hong hou hu hua huai huan huang hui hun huo ji jia jian ' +
  'jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ' +
  'ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian liang liao ' +
  'lie lin ling liu lo long lou lu luan lue lun luo m ma mai man mang mao me mei men meng mi mian ' +
  'miao mie min ming miu mo mou mu n na nai nan nang nao ne nei nen neng ng ni nian niang niao nie ' +
  'nin ning niu nong nou nu nuan nue nun nuo o ou pa pai pan pang pao pei pen peng pi pian piao pie ' +
  'pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ' +
  'ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang ' +
  'shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan ' +
  'sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo ' +
  'wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ' +
  'ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng ' +
  'zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui ' +
  'zhun zhuo zi zong zou zu zuan zui zun zuo'
].join('');
let allSyllables: Set<string> | undefined;
/** every toneless syllable (for splitting Latin words into syllables) */
function syllableSet(): Set<string> {
  // interjections without a vowel (嗯 n/ng, 呣 m, 哼 hng) would let English words split into "pinyin"
  allSyllables ??= new Set(ALL_SYLLABLES.split(' ').filter((s) => /[aeiouv]/.test(s)));
  return allSyllables;
}

/** How many pinyin syllables `word` splits into (fewest), or 0 when it is not pinyin. */
export function pinyinSyllableCount(word: string): number {
  const w = plain(word);
  if (!/^[a-z]+$/.test(w)) return 0;
  const syl = syllableSet();
  const best = new Array<number>(w.length + 1).fill(Infinity);
  best[0] = 0;
  for (let i = 0; i < w.length; i++) {
    if (best[i] === Infinity) continue;
    for (let l = 1; l <= 6 && i + l <= w.length; l++) if (syl.has(w.slice(i, i + l))) best[i + l] = Math.min(best[i + l]!, best[i]! + 1);
  }
  return best[w.length] === Infinity ? 0 : best[w.length]!;
}

/** Toneless pinyin of a Chinese text, one syllable per character ('' for a character without). */
export function pinyinOf(text: string): string[] {
  return [...text].map((ch) => {
    const id = ch.length === 1 ? charSyllable(ch.charCodeAt(0)) : -1;
    return id > 0 ? SYLLABLES[id]! : '';
  });
}

// ---------------------------------------------------------------------------------------------
// The data

const RULES_DIR = new URL('./rules/', import.meta.url);
const LEXICON = new URL('./lexicon.yaml', import.meta.url);
const CONCEPTS = new URL('./claims/concepts.yaml', import.meta.url);

interface Data {
  /** word → its reading, for polyphones read otherwise in the word (央行: yang hang) */
  readings: Map<string, string[]>;
  joins: Map<string, string>;
  stop: Set<string>;
  common: Set<string>;
  words: Set<string>;
}

let data: Data | undefined;
function loadData(): Data {
  if (data) return data;
  const raw = CONFUSABLES;
  const joins = new Map<string, string>();
  for (const [target, forms] of Object.entries(raw.joins ?? {})) for (const f of forms) joins.set(f, target);
  const readings = new Map(Object.entries(raw.readings ?? {}).map(([w, r]) => [w, r.trim().split(/\s+/)] as [string, string[]]));
  data = { readings, joins, stop: new Set(raw.homophoneStop ?? []), common: new Set((raw.homophoneCommon ?? '').replace(/\s/g, '')), words: new Set((raw.commonWords ?? '').split(/\s+/).filter(Boolean)) };
  return data;
}

const extra: { words: string[]; tier: Tier }[] = [];

/**
 * Adds words the evasion pass reads back (a concept list, say). `banned` words are also read back
 * from homophones; `word`s only from pinyin and digits. Call before linting; the pass is rebuilt.
 */
export function registerEvasionVocabulary(words: string[], tier: Tier = 'word') {
  extra.push({ words, tier });
  compiled = undefined;
}

/**
 * The severity and terms of a rule file read line by line (a full YAML parse of every rule file
 * costs start-up time), or undefined when the file is not in the plain block shape the rules use —
 * then the caller parses it properly.
 */
function quickTerms(raw: string): { severity?: string; terms: string[] } | undefined {
  const severity = /^severity:\s*(\w+)\s*$/m.exec(raw)?.[1];
  const lines = raw.split('\n');
  const at = lines.findIndex((l) => /^terms:\s*$/.test(l));
  if (at < 0) return /^terms:/m.test(raw) ? undefined : { severity, terms: [] };
  const terms: string[] = [];
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^\S/.test(l)) break;
    if (/^\s*(#.*)?$/.test(l)) continue;
    const m = /^\s+-\s+(?:\{\s*text:\s*([^,{}]+?)\s*,[^{}]*\}|([^{}[\]#'"]+?))\s*$/.exec(l);
    if (!m) return undefined;
    terms.push((m[1] ?? m[2])!);
  }
  return { severity, terms };
}

/** The default vocabulary: the terms of every error/warning word rule (banned) and the lexicon (words). */
function defaultVocabulary(): { word: string; tier: Tier }[] {
  const out: { word: string; tier: Tier }[] = [];
  for (const f of readdirSync(RULES_DIR).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const raw = readFileSync(new URL(f, RULES_DIR), 'utf8');
    // detector rules have no terms: not worth parsing (pii-person.yaml is large)
    if (/^detector:/m.test(raw)) continue;
    const r = quickTerms(raw) ?? (parseYaml(raw) as { severity?: string; terms?: (string | { text: string })[] } | null);
    if (!r || (r.severity !== 'error' && r.severity !== 'warning')) continue;
    // (a term given by a pattern has no word to spell out)
    for (const t of r.terms ?? []) {
      const word = typeof t === 'string' ? t : t.text;
      if (typeof word === 'string') out.push({ word, tier: 'banned' });
    }
  }
  const lex = parseYaml(readFileSync(LEXICON, 'utf8')) as Record<string, unknown>;
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push({ word: v, tier: 'word' });
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'except') walk(x);
  };
  walk(lex);
  // the claims layer's concept lists (claims/concepts.yaml, when present): every `words` list
  if (existsSync(CONCEPTS)) {
    const concepts = parseYaml(readFileSync(CONCEPTS, 'utf8')) as unknown;
    const words = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(words);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if (k === 'words' && Array.isArray(x)) {
            for (const w of x) if (typeof w === 'string') out.push({ word: w, tier: 'word' });
          } else words(x);
        }
    };
    words(concepts);
  }
  // words only the claim patterns name (confusables.yaml)
  for (const w of CONFUSABLES.pinyinWords ?? []) out.push({ word: w, tier: 'word' });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Compiled passes

interface Pattern {
  word: string;
  tier: Tier;
  /** the first (most common) reading of every character: only these are matched by homophones */
  primary: boolean;
  /** letters per syllable */
  lens: number[];
  letters: number;
}

interface Compiled {
  /** sequence variants by first code unit */
  seqFirst: Uint8Array;
  /** the second code units of the sequences that start with a code unit (absent: one is a single character) */
  seqSecond: Map<number, Set<number>>;
  seq: Map<number, { form: string; word: string; via: number }[]>;
  /** pinyin automaton over a–z: goto[state * 26 + letter] */
  go: Int32Array;
  /** a whole syllable's transition, filled on first use: bySyllable[state * SYLLABLE_SLOTS + id] (0 unknown, else state + 1) */
  bySyllable: Int16Array | Int32Array;
  /** states with an output (a match ends there) */
  hasOut: Uint8Array;
  out: number[][];
  patterns: Pattern[];
  vocab: Set<string>;
  banned: Set<string>;
  stop: Set<string>;
  common: Set<string>;
  words: Set<string>;
}

let compiled: Compiled | undefined;
/** syllable ids are below this (about 420 toneless syllables exist) */
const SYLLABLE_SLOTS = 512;
const CJK_WORD = /^[\u4e00-\u9fa5]{2,8}$/;
/** each numeral's digit, the financial forms and 两 too (a figure written in words reads them: figurePass) */
const NUMERAL_DIGIT: Record<string, string> = { 零: '0', 〇: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 两: '2', 壹: '1', 贰: '2', 叁: '3', 肆: '4', 伍: '5', 陆: '6', 柒: '7', 捌: '8', 玖: '9' };

function compile(norm: (s: string) => string): Compiled {
  if (compiled) return compiled;
  const d = loadData();
  const entries = [...defaultVocabulary(), ...extra.flatMap((e) => e.words.map((word) => ({ word, tier: e.tier })))];
  // the pinyin automaton of these words, as compiled by an earlier run (see compiledCache)
  const key = cacheKey(entries);
  const stored = key ? readStored(key) : undefined;
  const vocab = new Set<string>();
  const banned = new Set<string>();
  if (stored) {
    for (const w of stored.vocab) vocab.add(w);
    for (const w of stored.banned) banned.add(w);
  } else
    for (const { word, tier } of entries) {
      const w = norm(word);
      if (!CJK_WORD.test(w)) continue;
      vocab.add(w);
      if (tier === 'banned') banned.add(w);
    }

  // sequences: joins everywhere, digit forms of banned terms
  const seq = new Map<number, { form: string; word: string; via: number }[]>();
  const seqFirst = new Uint8Array(0x10000);
  const addSeq = (form: string, word: string, via: number) => {
    const c = form.charCodeAt(0);
    seqFirst[c] = 1;
    const list = seq.get(c) ?? [];
    list.push({ form, word, via });
    list.sort((a, b) => b.form.length - a.form.length);
    seq.set(c, list);
  };
  for (const [form, target] of d.joins) addSeq(norm(form), target, VIA_JOIN);
  // 第1 for 第一 (the superlative rule's pattern reads 第一, and leaves 第一期, 第一天 alone)
  addSeq('第1', '第一', VIA_DIGIT);
  for (const w of banned) {
    if (!/[零〇一二三四五六七八九]/.test(w) || w.startsWith('第')) continue;
    addSeq(w.replace(/[零〇一二三四五六七八九]/g, (c) => NUMERAL_DIGIT[c]!), w, VIA_DIGIT);
    // the letter O for a zero (O风险)
    if (/[零〇]/.test(w)) for (const o of ['O', 'o']) addSeq(w.replace(/[零〇]/g, o), w, VIA_DIGIT);
  }

  const seqSecond = new Map<number, Set<number>>();
  for (const [first, list] of seq) if (list.every((x) => x.form.length >= 2)) seqSecond.set(first, new Set(list.map((x) => x.form.charCodeAt(1))));
  if (stored) {
    const n = stored.out.length;
    compiled = {
      seqFirst,
      seqSecond,
      seq,
      go: stored.go,
      bySyllable: n < 0x7fff ? new Int16Array(n * SYLLABLE_SLOTS) : new Int32Array(n * SYLLABLE_SLOTS),
      hasOut: Uint8Array.from(stored.out, (o) => (o.length ? 1 : 0)),
      out: stored.out,
      patterns: stored.patterns,
      vocab,
      banned,
      stop: d.stop,
      common: d.common,
      words: d.words,
    };
    return compiled;
  }

  // pinyin automaton
  const patterns: Pattern[] = [];
  const trie: Map<number, number>[] = [new Map()];
  const outs: number[][] = [[]];
  for (const w of vocab) {
    const r = readings(w, d.readings);
    if (!r) continue;
    // the first reading of every character, and each other reading of one character at a time
    const variants: string[][] = [r.map((x) => x[0]!)];
    r.forEach((x, i) => {
      for (const alt of x.slice(1, 3)) variants.push(r.map((y, j) => (j === i ? alt : y[0]!)));
    });
    const tier: Tier = banned.has(w) ? 'banned' : 'word';
    const seen = new Set<string>();
    for (const sy of variants) {
      const letters = sy.join('');
      if (seen.has(letters)) continue;
      seen.add(letters);
      const id = patterns.length;
      patterns.push({ word: w, tier, primary: sy === variants[0], lens: sy.map((s) => s.length), letters: letters.length });
      let s = 0;
      for (let i = 0; i < letters.length; i++) {
        const c = letters.charCodeAt(i) - 97;
        let t = trie[s]!.get(c);
        if (t === undefined) {
          t = trie.length;
          trie.push(new Map());
          outs.push([]);
          trie[s]!.set(c, t);
        }
        s = t;
      }
      outs[s]!.push(id);
    }
  }
  // breadth-first: failure links folded into a full transition table
  const n = trie.length;
  const go = new Int32Array(n * 26);
  const fail = new Int32Array(n);
  const queue: number[] = [];
  for (let c = 0; c < 26; c++) {
    const t = trie[0]!.get(c);
    go[c] = t ?? 0;
    if (t !== undefined) queue.push(t);
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    const f = fail[s]!;
    if (outs[f]!.length) outs[s] = [...outs[s]!, ...outs[f]!];
    // the failure state's row, then the node's own children over it (in letter order, as a
    // breadth-first pass over the alphabet would: most nodes have one or two)
    go.copyWithin(s * 26, f * 26, f * 26 + 26);
    const children = trie[s]!.size > 1 ? [...trie[s]!].sort((x, y) => x[0] - y[0]) : trie[s]!;
    for (const [c, t] of children) {
      fail[t] = go[f * 26 + c]!;
      go[s * 26 + c] = t;
      queue.push(t);
    }
  }
  const hasOut = Uint8Array.from(outs, (o) => (o.length ? 1 : 0));
  compiled = { seqFirst, seqSecond, seq, go, bySyllable: n < 0x7fff ? new Int16Array(n * SYLLABLE_SLOTS) : new Int32Array(n * SYLLABLE_SLOTS), hasOut, out: outs, patterns, vocab, banned, stop: d.stop, common: d.common, words: d.words };
  if (key) writeStored(key, { vocab: [...vocab], banned: [...banned], patterns, out: outs, go });
  return compiled;
}

// ---------------------------------------------------------------------------------------------
// The compiled automaton, kept between runs: reading the pinyin of every word (a native call per
// character) and building the automaton cost about a third of `wendu lint`'s start-up. It is kept in
// node_modules/.cache/wendu/evasion/, named by a hash of everything it is made from — the words and
// their tiers, the confusables data, the code that normalises and compiles them, the pinyin and
// OpenCC packages' versions — so an edited word list or engine simply compiles afresh. A file that
// cannot be read or written only costs the time; a damaged one is caught by its length check.

const STORE = new URL('../../node_modules/.cache/wendu/evasion/', import.meta.url);
/** the files whose code decides the compiled automaton (read beside this one, under tsx or in the bundle) */
const COMPILED_FROM = ['./evasion.ts', './normalize.ts', './classes.ts'];

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

interface Stored {
  vocab: string[];
  banned: string[];
  patterns: Pattern[];
  out: number[][];
  go: Int32Array;
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

function cacheKey(entries: { word: string; tier: Tier }[]): string | undefined {
  // WENDU_NO_LINT_CACHE=1: compile from the data every run (neither read nor written)
  if (process.env.WENDU_NO_LINT_CACHE) return undefined;
  try {
    const h = createHash('sha256');
    h.update(JSON.stringify(entries)).update('\0').update(JSON.stringify(CONFUSABLES)).update('\0');
    for (const f of COMPILED_FROM) h.update(readFileSync(new URL(f, import.meta.url))).update('\0');
    h.update(`${packageVersion('@napi-rs/pinyin')}\0${packageVersion('opencc-js')}\0${SYLLABLE_SLOTS}`);
    return h.digest('hex').slice(0, 40);
  } catch {
    return undefined;
  }
}

/** file layout: u32 length of the JSON, the JSON (UTF-8), zero padding to 4 bytes, the transition table (Int32, little-endian) */
function readStored(key: string): Stored | undefined {
  try {
    const buf = readFileSync(new URL(`${key}.bin`, STORE));
    const jsonBytes = buf.readUInt32LE(0);
    const json = JSON.parse(buf.toString('utf8', 4, 4 + jsonBytes)) as Omit<Stored, 'go'> & { states: number };
    const at = (4 + jsonBytes + 3) & ~3;
    if (buf.length - at !== json.states * 26 * 4 || json.out.length !== json.states) return undefined;
    const go = new Int32Array(json.states * 26);
    if (LITTLE_ENDIAN) new Uint8Array(go.buffer).set(buf.subarray(at));
    else for (let i = 0; i < go.length; i++) go[i] = buf.readInt32LE(at + i * 4);
    return { vocab: json.vocab, banned: json.banned, patterns: json.patterns, out: json.out, go };
  } catch {
    return undefined;
  }
}

function writeStored(key: string, s: Stored) {
  try {
    const json = Buffer.from(JSON.stringify({ vocab: s.vocab, banned: s.banned, patterns: s.patterns, out: s.out, states: s.out.length }), 'utf8');
    const at = (4 + json.length + 3) & ~3;
    const buf = Buffer.alloc(at + s.go.length * 4);
    buf.writeUInt32LE(json.length, 0);
    json.copy(buf, 4);
    if (LITTLE_ENDIAN) buf.set(new Uint8Array(s.go.buffer, s.go.byteOffset, s.go.length * 4), at);
    else for (let i = 0; i < s.go.length; i++) buf.writeInt32LE(s.go[i]!, at + i * 4);
    mkdirSync(STORE, { recursive: true });
    const tmp = new URL(`${key}.${process.pid}.tmp`, STORE);
    writeFileSync(tmp, buf);
    renameSync(tmp, new URL(`${key}.bin`, STORE));
  } catch {
    // a read-only checkout compiles each run
  }
}

// ---------------------------------------------------------------------------------------------
// The passes

function sequencePass(n: Normalized, c: Compiled): Rewrite[] {
  const t = n.text;
  const found: Rewrite[] = [];
  for (let i = 0; i < t.length; i++) {
    if (!c.seqFirst[t.charCodeAt(i)]) continue;
    // no sequence can go on with the next character (matchForm's own step over spaces): none to try
    const second = c.seqSecond.get(t.charCodeAt(i));
    if (second) {
      let j = i + 1;
      while (j < t.length && n.cls[j] === GAP && (t[j] === ' ' || t[j] === '\u3000')) j++;
      if (!second.has(t.charCodeAt(j))) continue;
    }
    for (const { form, word, via } of c.seq.get(t.charCodeAt(i))!) {
      const to = matchForm(n, i, form);
      if (to < 0) continue;
      if (n.clause[i] !== n.clause[to - 1]) continue;
      // a digit form is a whole number, not the tail or head of one (100风险 is not 0风险, VIPO风险 is
      // not O风险, 第12期 is not 第一)
      if (via === VIA_DIGIT && i > 0 && (n.cls[i - 1] === DIGIT || n.cls[i - 1] === LATIN)) continue;
      if (via === VIA_DIGIT && to < t.length && n.cls[to] === DIGIT) continue;
      const parts: [number, number][] =
        via === VIA_DIGIT && to - i === word.length ? [...word].map((_, k) => [i + k, i + k + 1]) : word.length === 1 ? [[i, to]] : splitEven(i, to, word.length);
      found.push({ from: i, to, text: word, parts, via });
      i = to - 1;
      break;
    }
  }
  return found;
}

/** end of `form` matched at i, stepping over spaces the base pass kept (0 风险: a digit and a CJK character), else -1 */
function matchForm(n: Normalized, i: number, form: string): number {
  const t = n.text;
  let j = i;
  for (let k = 0; k < form.length; k++) {
    if (k > 0) while (j < t.length && n.cls[j] === GAP && (t[j] === ' ' || t[j] === '\u3000')) j++;
    if (t[j] !== form[k]) return -1;
    j++;
  }
  return j;
}

/** [from, to) cut into k consecutive parts (a multi-character join read as k characters) */
function splitEven(from: number, to: number, k: number): [number, number][] {
  const parts: [number, number][] = [];
  const size = (to - from) / k;
  for (let j = 0; j < k; j++) parts.push([from + Math.round(j * size), from + Math.round((j + 1) * size)]);
  return parts;
}

const SKIP_BETWEEN = new Set([...' \'’-‐·・._']);

function pinyinPass(n: Normalized, c: Compiled): Rewrite[] {
  const { text: t, cls } = n;
  const len = t.length;
  const { go, out, patterns, bySyllable, hasOut } = c;
  // letters each normalised index fed (0 for skipped characters); Latin syllable boundaries,
  // worked out for a Latin word only when a match needs them (rare)
  let latinStart: Uint8Array | undefined;
  const marked = new Set<number>();
  const syllableStart = (pos: number): boolean => {
    let a = pos;
    while (a > 0 && cls[a - 1] === LATIN) a--;
    if (!marked.has(a)) {
      marked.add(a);
      latinStart = markLatinRun(n, a, latinStart);
    }
    return latinStart![pos] === 1;
  };
  const fedLetters = (j: number): number => {
    const k = cls[j]!;
    if (k === CJK) {
      const id = charSyllable(t.charCodeAt(j));
      return id > 0 ? SYLLABLES[id]!.length : -1;
    }
    if (k === LATIN) return 1;
    return 0;
  };
  const cands: (Rewrite & { letters: number })[] = [];
  let state = 0;
  let prevFed = -1;
  for (let j = 0; j < len; j++) {
    const k = cls[j]!;
    if (n.gap[j]! >= CLAUSE) state = 0;
    if (k === CJK) {
      const id = charSyllable(t.charCodeAt(j));
      if (id < 0) {
        state = 0;
        continue;
      }
      const slot = id < SYLLABLE_SLOTS ? state * SYLLABLE_SLOTS + id : -1;
      const known = slot >= 0 ? bySyllable[slot]! : 0;
      if (known) state = known - 1;
      else {
        const codes = SYLLABLE_CODES[id]!;
        for (let q = 0; q < codes.length; q++) state = go[state * 26 + codes[q]!]!;
        if (slot >= 0) bySyllable[slot] = state + 1;
      }
      prevFed = j;
      if (hasOut[state]) match(j);
    } else if (k === LATIN) {
      const code = t.charCodeAt(j) | 32;
      if (code < 97 || code > 122) {
        state = 0;
        continue;
      }
      state = go[state * 26 + code - 97]!;
      prevFed = j;
      // a Latin match may only end where a syllable ends
      if (hasOut[state] && (j + 1 >= len || cls[j + 1] !== LATIN || syllableStart(j + 1))) match(j);
    } else if (k === DIGIT && prevFed === j - 1 && cls[j - 1] === LATIN && t.charCodeAt(j) >= 49 && t.charCodeAt(j) <= 53 && (j + 1 >= len || cls[j + 1] !== DIGIT)) {
      // a tone number (wen3zhuan4): skipped
    } else if (k === GAP && SKIP_BETWEEN.has(t[j]!) && prevFed === j - 1) {
      prevFed = j;
    } else {
      state = 0;
    }
  }

  function match(end: number) {
    for (const id of out[state]!) {
      const p = patterns[id]!;
      // the word itself, as written (the common case): nothing to read back
      const wl = p.word.length;
      if (cls[end] === CJK && end + 1 >= wl && t.charCodeAt(end) === p.word.charCodeAt(wl - 1) && t.startsWith(p.word, end + 1 - wl)) {
        let allCjk = true;
        for (let q = end + 1 - wl; q <= end; q++) if (cls[q] !== CJK) allCjk = false;
        if (allCjk) continue;
      }
      // walk back over whole fed units until the pattern's letters are used up
      let need = p.letters;
      let from = end;
      let latin = false;
      for (; from >= 0; from--) {
        const f = fedLetters(from);
        if (f < 0) break;
        if (f > 0 && cls[from] === LATIN) latin = true;
        need -= f;
        if (need <= 0) break;
      }
      if (need !== 0 || from < 0) continue;
      if (cls[from] === LATIN && from > 0 && cls[from - 1] === LATIN && !syllableStart(from)) continue;
      if (n.clause[from] !== n.clause[end]) continue;
      // cut the span into the word's syllables; a CJK character must be exactly one syllable
      const parts: [number, number][] = [];
      let j = from;
      let ok = true;
      for (const l of p.lens) {
        while (j <= end && fedLetters(j) === 0) j++;
        const a = j;
        let got = 0;
        while (j <= end && got < l) {
          const f = fedLetters(j);
          if (cls[j] === CJK && (got !== 0 || f !== l)) {
            ok = false;
            break;
          }
          got += f;
          j++;
        }
        if (!ok || got !== l) {
          ok = false;
          break;
        }
        parts.push([a, j]);
      }
      if (!ok) continue;
      let to = end + 1;
      // a trailing tone number belongs to the last syllable (bao3ben3)
      if (latin && cls[end] === LATIN && to < len && cls[to] === DIGIT && /[1-5]/.test(t[to]!) && (to + 1 >= len || cls[to + 1] !== DIGIT)) {
        parts[parts.length - 1]![1] = ++to;
      }
      const seen = t.slice(from, end + 1);
      if (seen === p.word) continue;
      if (latin) {
        // deliberate pinyin: long enough not to be an English word, and a lexicon word only as
        // whole Latin words; never inside an email address, a web address or a file name
        if (p.letters < 5 && p.lens.length < 3) continue;
        if (inAddress(n, from, end + 1)) continue;
        // (an edge that is a character is a word's edge whatever stands beside it: zf兜di)
        if (p.tier === 'word' && ((cls[from] === LATIN && from > 0 && cls[from - 1] === LATIN) || (cls[end] === LATIN && to < len && cls[to] === LATIN))) continue;
        cands.push({ from, to, text: p.word, parts, via: VIA_PINYIN, letters: p.letters });
      } else {
        if (p.tier !== 'banned' || !p.primary || c.vocab.has(seen) || c.stop.has(seen)) continue;
        let same = 0;
        let common = false;
        const last = p.word.length - 1;
        for (let q = 0; q <= last; q++) {
          if (seen[q] === p.word[q]) continue;
          if (c.common.has(seen[q]!)) common = true;
          // a substituted character at the edge that makes an everyday word with its neighbour
          if (q === 0 && from > 0 && c.words.has(t[from - 1]! + seen[0]!)) common = true;
          if (q === last && end + 1 < len && c.words.has(seen[last]! + t[end + 1]!)) common = true;
        }
        for (let q = 0; q <= last; q++) if (seen[q] === p.word[q]) same++;
        // a two-character term whose own character at the edge makes an everyday word with its
        // neighbour: that character belongs to the next word (抱|本书 is not 保本; 宝本金 still is)
        if (p.word.length === 2) {
          if (seen[0] === p.word[0] && from > 0 && c.words.has(t[from - 1]! + seen[0]!)) common = true;
          if (seen[last] === p.word[last] && end + 1 < len && c.words.has(seen[last]! + t[end + 1]!)) common = true;
        }
        if (same * 2 < p.word.length || (common && p.word.length <= 3)) continue;
        cands.push({ from, to, text: p.word, parts, via: VIA_HOMOPHONE, letters: p.letters });
      }
    }
  }

  if (!cands.length) return [];
  // longest first, then leftmost; no overlaps (是 guo jia dui bei shu is 国家队背书, not 试过 + …)
  cands.sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  const taken = new Uint8Array(len);
  const kept: Rewrite[] = [];
  for (const x of cands) {
    let free = true;
    for (let q = x.from; q < x.to && free; q++) if (taken[q]) free = false;
    if (!free) continue;
    taken.fill(1, x.from, x.to);
    kept.push(x);
  }
  kept.sort((a, b) => a.from - b.from);
  return kept;
}

/** true when [from, to) lies in an address-like token: with @ or /, www. or a domain ending (zhangbaoben@163.com, www.wenzhuan.com) */
function inAddress(n: Normalized, from: number, to: number): boolean {
  const t = n.text;
  let a = from;
  while (a > 0 && n.cls[a - 1] !== CJK && !/\s/.test(t[a - 1]!)) a--;
  let b = to;
  while (b < t.length && n.cls[b] !== CJK && !/\s/.test(t[b]!)) b++;
  const token = t.slice(a, b);
  // (an address typed to dodge filters too: xu.hf[at]outlook[dot]com)
  return /[@＠/]|[[(（【{<]\s*(at|dot)\s*[\])）】}>]|^www\.|\.(com|cn|net|org|gov|edu|io|cc|top|vip|hk)\b/i.test(token);
}

/** Marks the syllable starts of the Latin run at `from` (a word that splits into pinyin syllables). */
function markLatinRun(n: Normalized, from: number, marks: Uint8Array | undefined): Uint8Array {
  const t = n.text;
  marks ??= new Uint8Array(t.length + 1);
  let to = from;
  while (to < t.length && n.cls[to] === LATIN) to++;
  marks[from] = 1;
  marks[to] = 1;
  // inner syllable boundaries only matter in a word long enough to hold a term's pinyin
  if (to - from < 4 || to - from > 40) return marks;
  const word = t.slice(from, to).toLowerCase();
  const syl = syllableSet();
  const L = word.length;
  // reachable from the start / can reach the end, by whole syllables (at most 6 letters each)
  const fwd = new Uint8Array(L + 1);
  const bwd = new Uint8Array(L + 1);
  fwd[0] = 1;
  for (let i = 0; i < L; i++) if (fwd[i]) for (let l = 1; l <= 6 && i + l <= L; l++) if (syl.has(word.slice(i, i + l))) fwd[i + l] = 1;
  bwd[L] = 1;
  for (let i = L - 1; i >= 0; i--) for (let l = 1; l <= 6 && i + l <= L; l++) if (bwd[i + l] && syl.has(word.slice(i, i + l))) bwd[i] = 1;
  if (!fwd[L]) return marks;
  for (let i = 1; i < L; i++) if (fwd[i] && bwd[i]) marks[from + i] = 1;
  return marks;
}

// ---------------------------------------------------------------------------------------------

function apply(n: Normalized, rewrites: Rewrite[]): Normalized {
  if (!rewrites.length) return n;
  const total = n.text.length + rewrites.reduce((s, r) => s + r.text.length - (r.to - r.from), 0);
  const start = new Int32Array(total);
  const end = new Int32Array(total);
  const clause = new Int32Array(total);
  const sentence = new Int32Array(total);
  const cls = new Uint8Array(total);
  const gap = new Uint8Array(total);
  const via = new Uint8Array(total);
  let text = '';
  let o = 0;
  let i = 0;
  const copy = (a: number, b: number) => {
    if (b <= a) return;
    start.set(n.start.subarray(a, b), o);
    end.set(n.end.subarray(a, b), o);
    clause.set(n.clause.subarray(a, b), o);
    sentence.set(n.sentence.subarray(a, b), o);
    cls.set(n.cls.subarray(a, b), o);
    gap.set(n.gap.subarray(a, b), o);
    via.set(n.via.subarray(a, b), o);
    text += n.text.slice(a, b);
    o += b - a;
  };
  for (const r of rewrites) {
    copy(i, r.from);
    for (let k = 0; k < r.text.length; k++) {
      const [a, b] = r.parts[k]!;
      start[o] = n.start[a]!;
      end[o] = n.end[b - 1]!;
      clause[o] = n.clause[r.from]!;
      sentence[o] = n.sentence[r.from]!;
      cls[o] = r.classes?.[k] ?? CJK;
      gap[o] = k === 0 ? n.gap[r.from]! : 0;
      via[o] = r.via;
      o++;
    }
    text += r.text;
    i = r.to;
  }
  copy(i, n.text.length);
  return { source: n.source, text, start, end, cls, gap, clause, sentence, via };
}

// ---------------------------------------------------------------------------------------------
// Figures written in words: a rate told in numerals reads as the digits it stands for (百分之三点二,
// 叁点壹% → 3.2%, 3.1%), so every pattern over a figure reads it too (points — 三个点出头 — the patterns read
// as they are written)

const FIGURE_WORDS = /(百分之)?([零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾]{1,3})(?:点([零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖]{1,3}))?/g;
/** the same, read again up to a dropped mark inside a match */
const FIGURE_AT = new RegExp(FIGURE_WORDS.source, 'y');

/** the digits a run of numerals spells one for one (二〇二五 → 2025; 二五 → 25) */
const digitsOf = (w: string) => [...w].map((c) => NUMERAL_DIGIT[c]).join('');

/** a whole number in numerals up to 99 (三, 十二, 二十五, 拾), or undefined */
function numeralValue(w: string): number | undefined {
  const digit = (c: string) => (NUMERAL_DIGIT[c] === undefined ? undefined : Number(NUMERAL_DIGIT[c]));
  const ten = w.search(/[十拾]/);
  if (ten < 0) return w.length === 1 ? digit(w) : undefined;
  if (ten > 1) return undefined;
  const tens = ten === 0 ? 1 : digit(w[0]!);
  const rest = w.slice(ten + 1);
  const units = rest === '' ? 0 : rest.length === 1 ? digit(rest) : undefined;
  return tens === undefined || units === undefined ? undefined : tens * 10 + units;
}

/** a date in numerals (二〇二五年一月一日, 二〇二五年十二月三十一日), read as digits with the figures: a period stated in words is a period */
const DATE_WORDS = /([〇零一二三四五六七八九]{4})年(?:([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})[日号])?)?/g;

/** a rate in per mille (千分之三十二, 千分之6), in points with its decimals (三个点一五, 3个点25), or in numerals after the rate's name (年化三点二) */
const PER_MILLE_OR_POINTS = /千分之([零〇一二两三四五六七八九十]{1,3}|\d{1,3})(?:点([零〇一二三四五六七八九]{1,2}|\d{1,2}))?|(?<![0-9零〇一二两三四五六七八九十])([0-9]|[一二两三四五六七八九])个点([0-9]{1,2}|[零〇一二三四五六七八九]{1,2})(?![0-9零〇一二三四五六七八九十年月日天个万千百元块期次倍号])|(?<=(?:年化|基准|收益率|利率|回报率)[：:\s]{0,2})([一二两三四五六七八九])点([零〇一二三四五六七八九]{1,2})(?![0-9零〇一二三四五六七八九十个年月日天万千百元块期次倍号])/g;
/** a whole number in numerals or digits (三十二, 32) */
const wholeOf = (w: string) => (/^\d+$/.test(w) ? Number(w) : numeralValue(w));
/** per mille as per cent, its decimals after the mille's (千分之三十二点五 → 3.25%) */
function perMille(whole: number, decimals: string): string {
  const digits = String(whole) + decimals;
  const point = String(whole).length - 1;
  const int = digits.slice(0, point) || '0';
  let frac = digits.slice(point);
  while (frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${int}${frac ? `.${frac}` : ''}%`;
}

function figurePass(n: Normalized): Rewrite[] {
  const t = n.text;
  if (!/[点之年]/.test(t)) return [];
  const found: Rewrite[] = [];
  DATE_WORDS.lastIndex = 0;
  for (let m = t.includes('年') ? DATE_WORDS.exec(t) : null; m; m = DATE_WORDS.exec(t)) {
    const from = m.index;
    const to = from + m[0].length;
    let gapped = false;
    for (let i = from + 1; i < to; i++) if (n.gap[i]! > 0) gapped = true;
    const month = m[2] ? numeralValue(m[2]) : undefined;
    const day = m[3] ? numeralValue(m[3]) : undefined;
    if (gapped || (m[2] && (month === undefined || month > 12)) || (m[3] && (day === undefined || day > 31))) continue;
    const out = `${digitsOf(m[1]!)}年${m[2] ? `${month}月` : ''}${m[3] ? `${day}${m[0].slice(-1)}` : ''}`;
    found.push({ from, to, text: out, parts: [...out].map(() => [from, to] as [number, number]), via: VIA_FIGURE, classes: [...out].map((c) => (c >= '0' && c <= '9' ? DIGIT : CJK)) });
  }
  const dates = found.slice();
  const inDate = (at: number) => dates.some((r) => at >= r.from && at < r.to);
  // (a figure is read only with 百分之 or a per-cent sign, in the text or dropped from it: none, no numeral is looked at)
  FIGURE_WORDS.lastIndex = 0;
  for (let m = /[%％]/.test(n.source) || /百分之|[%％]/.test(t) ? FIGURE_WORDS.exec(t) : null; m; m = FIGURE_WORDS.exec(t)) {
    const from = m.index;
    if (inDate(from)) continue;
    // (a figure ends where a mark was dropped: 叁点壹%—叁点陆% is two figures, read apart)
    let cut = from + m[0].length;
    for (let i = from + 1; i < cut; i++) if (n.gap[i]! > 0) cut = i;
    if (cut < from + m[0].length) {
      FIGURE_AT.lastIndex = 0;
      const again = FIGURE_AT.exec(t.slice(from, cut));
      FIGURE_WORDS.lastIndex = cut;
      if (!again) continue;
      m = Object.assign(again, { index: from });
    }
    const [whole, per, int, dec] = m;
    let to = from + whole.length;
    // (what stands between the figure and the next character in the source: a per-cent sign dropped between two characters)
    const after = n.source.slice(n.end[to - 1]!, to < t.length ? n.start[to]! : n.source.length);
    const sign = t[to] === '%' || t[to] === '％' ? 1 : 0;
    const percent = !!per || sign === 1 || /^\s*[%％]/.test(after);
    if (!percent) continue;
    // (a number runs on: 百分之三十七 is read whole, 十二点五 too; a digit right before is another number's)
    if (from > 0 && n.gap[from] === 0 && (n.cls[from - 1] === DIGIT || (!per && /[零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰]/.test(t[from - 1]!)))) continue;
    const v = numeralValue(int!);
    if (v === undefined) continue;
    const decimals = dec ? digitsOf(dec) : '';
    const out = `${v}${decimals ? `.${decimals}` : ''}%`;
    to += sign;
    const classes = [...out].map((c) => (c >= '0' && c <= '9' ? DIGIT : GAP));
    found.push({ from, to, text: out, parts: [...out].map(() => [from, to] as [number, number]), via: VIA_FIGURE, classes });
  }
  // (a rate in per mille, in points with their decimals or in numerals after its name is the per-cent
  // figure it states: 千分之三十二 → 3.2%; 三个点一五, 3个点25 → 3.15%, 3.25%; 年化三点二 → 3.2%)
  if (/千分之|点/.test(t)) {
    // (the figures already read, in order: one pointer walks them, so a text full of both stays linear)
    const taken = found.slice().sort((a, b) => a.from - b.from);
    let k = 0;
    for (const m of t.matchAll(PER_MILLE_OR_POINTS)) {
      const from = m.index!;
      const to = from + m[0].length;
      while (k < taken.length && taken[k]!.to <= from) k++;
      if (k < taken.length && taken[k]!.from < to) continue;
      let gapped = false;
      for (let i = from + 1; i < to; i++) if (n.gap[i]! > 0) gapped = true;
      const whole = wholeOf(m[1] ?? m[3] ?? m[5]!);
      if (gapped || whole === undefined) continue;
      const decimals = (m[2] ?? m[4] ?? m[6] ?? '').replace(/\D/g, (c) => NUMERAL_DIGIT[c]!);
      const per = m[1] !== undefined ? perMille(whole, decimals) : `${whole}.${decimals}%`;
      const classes = [...per].map((c) => (c >= '0' && c <= '9' ? DIGIT : GAP));
      found.push({ from, to, text: per, parts: [...per].map(() => [from, to] as [number, number]), via: VIA_FIGURE, classes });
    }
  }
  return found.sort((a, b) => a.from - b.from);
}

/** Reads evaded spans of a base-normalised text back as the words they stand for. */
export function readEvasion(n: Normalized, norm: (s: string) => string): Normalized {
  const c = compile(norm);
  const afterSeq = apply(n, sequencePass(n, c));
  const afterFigures = apply(afterSeq, figurePass(afterSeq));
  return apply(afterFigures, pinyinPass(afterFigures, c));
}
