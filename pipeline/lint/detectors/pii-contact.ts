// pii-plate, pii-passport, pii-email, pii-address: a client's other identifying details, found by
// pattern on the normalised text (full-width letters, traditional characters and look-alikes
// already folded), in the forms people actually type: emails with (at) / [at] / ＠ / 。com, plates
// with spaces or in lower case, passports and 港澳/回乡证 numbers, addresses down to the room in
// building-unit-room (3栋2单元501, 3-2-501) and village-group-number (李家村3组12号) form, or in English
// order (Room 2103, Tower B, Yuexiu Garden, 12 Linhe Road); other countries' passports next to the word
// (护照号 M73920481) or alone on a badge of a passport's post. What is not a client's passes: an
// institution's mailbox, a public venue's or the bank's own rooms, a sample's number (E00000000（样本）).
import { z } from 'zod';
import { lowerBound } from '../claims/analyze.ts';
import { CLAUSE, toSimplified } from '../normalize.ts';
import type { RuleMeta } from '../rules.ts';
import { ruleData } from '../schema.ts';
import { markedSample, placeholderDigits, sampleMarks } from './pii-numbers.ts';
import { inSafe, MARK_BUILDING, MARK_DASH, MARK_DIGIT, MARK_LANE, MARK_LATIN, MARK_ROOM, MARK_VILLAGE, markers, orig, regexHits, sentenceBefore, type Detect, type Detector, type DetectorHit, type SpanView } from './types.ts';

type Found = { from: number; to: number; masked: string };

function patternDetector<T>(id: string, schema: z.ZodType<T>, find: (view: SpanView, data: T) => Found[]): Detector {
  return {
    id,
    pii: true,
    create: (rule: RuleMeta): Detect => {
      const data = ruleData(rule, schema);
      return (views) => {
        const hits: DetectorHit[] = [];
        for (const view of views) {
          for (const f of find(view, data)) {
            const [a, b] = orig(view, f.from, f.to);
            hits.push({ view: view.index, from: a, to: b, excerpt: f.masked, fix: f.masked, data: { masked: f.masked } });
          }
        }
        return hits;
      };
    },
  };
}

// --- plates -----------------------------------------------------------------------------------

/** an emoji (a surrogate pair, a variation selector after it) typed between a detail's characters (粤A·D🚗68821; C🔹L🔹2037415) */
const EMOJI = '[\\uD83C-\\uD83E][\\uDC00-\\uDFFF]\\uFE0F?';
/** what may stand between two characters of a plate's serial or a permit's number: a space or an emoji */
const GAP = `(?:\\s|${EMOJI})?`;
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
// province, (space), authority letter, (separator: a dot — 粤A.3K729, 粤A·3K729 —, a dash, a space or an emoji — 浙A🚗6F21B),
// 5 serial characters (6 for new-energy plates) with at least one digit; either case, one space
// allowed inside the serial
const PLATE = new RegExp(
  `[${PROVINCES}]\\s?[A-HJ-NP-Za-hj-np-z]\\s?(?:[·•.．。\\s-]|${EMOJI})?\\s?(?=(?:[A-HJ-NP-Za-hj-np-z0-9]${GAP}){0,5}[0-9])(?:[A-HJ-NP-Za-hj-np-z0-9]${GAP}){4,5}[A-HJ-NP-Za-hj-np-z0-9](?![A-Za-z0-9*])`,
  'y',
);
// a cross-border plate, Guangdong's Z and four characters, then 港 or 澳 (粤Z·3K27港)
const PLATE_BORDER = new RegExp(`粤\\s?[Zz]\\s?(?:[·•.．。\\s-]|${EMOJI})?\\s?(?=(?:[A-HJ-NP-Za-hj-np-z0-9]${GAP}){0,3}[0-9])(?:[A-HJ-NP-Za-hj-np-z0-9]${GAP}){4}\\s?[港澳]`, 'y');
// a plate given in pieces: the province and letter, then its serial after a word that says so
// (车牌：川A，后五位是88C57 — in one text or over two, which are read joined)
const PLATE_PIECES = new RegExp(
  `[${PROVINCES}]\\s?[A-HJ-NP-Za-hj-np-z][^A-Za-z0-9]{0,3}(?:后[五六]位|后面几位|后几位|后面是|接着是|剩下的?|号码)(?:是|为|[:：])?\\s?(?=(?:[A-HJ-NP-Za-hj-np-z0-9]){0,5}[0-9])[A-HJ-NP-Za-hj-np-z0-9]{5,6}(?![A-Za-z0-9*])`,
  'y',
);
/** where a plate can start: a province character before an authority letter (one regex scan; the full pattern runs only there) */
const PLATE_START = new RegExp(`[${PROVINCES}](?=\\s?[A-HJ-NP-Za-hj-np-z])`, 'g');

// a cheap test that spares the email pattern on texts that cannot contain an address
const HAS_AT = /@|at|#|艾特/i;

function plates(view: SpanView): { from: number; to: number; s: string; pieces: boolean }[] {
  const t = view.norm.text;
  const found: { from: number; to: number; s: string; pieces: boolean }[] = [];
  PLATE_START.lastIndex = 0;
  for (let m = PLATE_START.exec(t); m; m = PLATE_START.exec(t)) {
    const p = m.index;
    if (p > 0 && /[A-Za-z0-9]/.test(t[p - 1]!)) continue;
    PLATE.lastIndex = p;
    PLATE_PIECES.lastIndex = p;
    PLATE_BORDER.lastIndex = p;
    const whole = PLATE.exec(t) ?? PLATE_BORDER.exec(t);
    const hit = whole ?? PLATE_PIECES.exec(t);
    if (!hit || inSafe(view, p, p + hit[0].length)) continue;
    found.push({ from: p, to: p + hit[0].length, s: hit[0], pieces: !whole });
    PLATE_START.lastIndex = p + hit[0].length;
  }
  // (the province written in pinyin: Yue A 5D8Q1, zhe a·6f21b — a syllable, then the plate's letter
  // and serial with a digit in it, at a word boundary)
  if (/[A-Za-z]/.test(t)) {
    PINYIN_PLATE.lastIndex = 0;
    for (let m = PINYIN_PLATE.exec(t); m; m = PINYIN_PLATE.exec(t)) {
      // (not the name before an email's at: wangjh1975(at)163.com)
      if (EMAIL_AT.test(view.span.text.slice(view.norm.end[m.index + m[0].length - 1]!, view.norm.end[m.index + m[0].length - 1]! + 8))) continue;
      // (nor a handle written in one lower-case run: wangjh1988 is a WeChat ID; a plate in pinyin is spaced or capitalised)
      if (!/[\s·•-]/.test(m[0]) && m[0] === m[0].toLowerCase()) continue;
      // (nor one with an underscore in it, or right after an online label: 加我微信：wangxy_tx88)
      const [oa, ob] = [view.norm.start[m.index]!, view.norm.end[m.index + m[0].length - 1]!];
      if (view.span.text.slice(oa, ob).includes('_') || /(微信号?|[Vv]信|QQ|qq|wx|vx|WeChat|wechat)\s*[号號]?\s*[:：]?\s*$/.test(view.span.text.slice(Math.max(0, oa - 10), oa))) continue;
      if (!inSafe(view, m.index, m.index + m[0].length) && !found.some((f) => f.from < m!.index + m[0].length && m!.index < f.to)) found.push({ from: m.index, to: m.index + m[0].length, s: m[0], pieces: false });
    }
  }
  // (a Hong Kong plate, two letters and up to four digits, or a Macau one, M-12-34 / MR-27-53 / mk-36-72: only where the
  // sentence speaks of a car around it — 車牌 RV 8142; 停咗架 MR-27-53…新車)
  if (/[0-9]/.test(t)) {
    HK_PLATE.lastIndex = 0;
    for (let m = HK_PLATE.exec(t); m; m = HK_PLATE.exec(t)) {
      const [a, b] = [m.index, m.index + m[0].length];
      if (found.some((f) => f.from < b && a < f.to) || inSafe(view, a, b)) continue;
      const around = `${sentenceBefore(view, a, 16)}|${t.slice(b, b + 16).split(/[。！？!?\n]/)[0]}`;
      // (nor a code under its label, or one that runs on past a dash: 报活动编号 ZX2025-1108)
      if (!CAR_CUE.test(around) || NOT_A_PASSPORT.test(view.span.text.slice(Math.max(0, view.norm.start[a]! - 12), view.norm.start[a]!)) || /^-[0-9]/.test(view.span.text.slice(view.norm.end[b - 1]!, view.norm.end[b - 1]! + 2))) continue;
      found.push({ from: a, to: b, s: m[0], pieces: false });
    }
  }
  return found;
}
const HK_PLATE = /(?<![A-Za-z0-9])(?:[A-HJ-NPR-Z]{2}[ \t]?[1-9][0-9]{0,3}|[Mm][A-Za-z]?[ \t-][0-9]{2}[ \t-][0-9]{2})(?![A-Za-z0-9])/g;
const CAR_CUE = /嘅车|嘅車|的车头|车头灯|車頭燈|你架|佢架|车牌|牌照|车位|新车|座驾|私家车|架车|停了架|开车|揸车|揸住|泊车|车主|牌车|(?<![A-Za-z])(?:plate|car)(?![A-Za-z])/i;
/** an email's at, as people type it, right after a name (@, ＠, (at), [at], （at）) */
const EMAIL_AT = /^\s*([(\[（【]\s*)?(at|@|＠)/i;
/** a plate whose province is written in pinyin */
const PINYIN_PLATE = /(?<![A-Za-z0-9])(jing|jin|hu|yu|ji|yun|liao|hei|xiang|wan|lu|xin|su|zhe|gan|gui|meng|shaan|shan|min|yue|qing|zang|chuan|ning|qiong)\s?[A-HJ-NP-Za-hj-np-z]\s?[·•-]?\s?(?=(?:[A-HJ-NP-Za-hj-np-z0-9]\s?){0,5}[0-9])(?:[A-HJ-NP-Za-hj-np-z0-9]\s?){4,5}[A-HJ-NP-Za-hj-np-z0-9](?![A-Za-z0-9*])/gi;

/** words before a plate that make the vehicle an organisation's, not a client's (流动服务车, 运钞车, 校车) */
const plateData = z.strictObject({ notPersonal: z.array(z.string().min(1)).default([]) });

/** somebody driving or owning the car whose plate follows (一位开着…的师傅; 车主) */
const DRIVER = /(开着|驾驶着?|开的是|开来|车主|他的车|她的车|自家车|私家车)(?!.*(开着|驾驶着?|开的是|开来|车主|他的车|她的车|自家车|私家车))/;

export const piiPlate = patternDetector('pii-plate', plateData, (view, data) =>
  (markers(view) & MARK_LATIN ? plates(view) : [])
    .filter(({ from, to, s }) => {
      // (a form's placeholder, its serial a run of X: 浙A·XXXXX)
      if (/^.\s?.[\s·•-]*[Xx]{3}/.test(s)) return false;
      const pre = sentenceBefore(view, from, 32);
      // (the bank's vehicle named earlier in the sentence, then somebody else driving this one:
      // 网点的班车在门口趴窝了，一位开着浙A·3K7M9的师傅…)
      const driver = DRIVER.exec(pre);
      const owner = driver ? pre.slice(driver.index + driver[0].length) : pre;
      if (data.notPersonal.some((w) => owner.includes(w))) return false;
      // (or named right after it, in brackets: 浙A·F0952D（西湖支行公务车）)
      const post = /^[\s]*[（(]([^）)\n]{1,16})[）)]/.exec(view.span.text.slice(view.norm.end[to - 1]!, view.norm.end[to - 1]! + 20));
      return !post || !data.notPersonal.some((w) => post[1]!.includes(w));
    })
    .map(({ from, to, s, pieces }) => {
    // province + letter (+ separator) kept, the serial masked but its last character
    // (a plate in pieces: its province and letter, then the serial that ends it)
    const head = pieces ? `${s.replace(/\s/g, '').slice(0, 2)} ` : /^.\s?.[\s·•-]*/.exec(s)![0];
    const serial = pieces ? /[A-Za-z0-9]{5,6}$/.exec(s)![0] : s.slice(head.length);
    return { from, to, masked: `${head.toUpperCase()}${serial.slice(0, -1).replace(/[A-Za-z0-9]/g, '*')}${serial.slice(-1).toUpperCase()}` };
  }),
);

// --- passports and travel permits ---------------------------------------------------------------

// ordinary passports: E + 8 digits, E + letter + 7 digits, old G + 8 digits
const PASSPORT = /(?<![A-Za-z0-9])(?:[EG]\s?[0-9]{4}\s?[0-9]{4}|E[A-HJ-NP-Z]\s?[0-9]{7})(?![A-Za-z0-9])/g;
// diplomatic/service/official passports and lower-case forms look like model numbers: only next to 护照
// (next to 护照, also typed with a space between every character, or over lines: E G 3 7 2 6 9 1 4; E72⏎049⏎163)
// (or with dashes between groups: eh-281-6473)
// (or with emoji between its characters: G 🔸 4 🔸 8 🔸 2 …)
const PASSPORT_CONTEXT = new RegExp(`(?<![A-Za-z0-9])(?:[DSPdspEeGg][Ee]?\\s?[0-9]{7,8}|[Ee][A-Za-z]\\s?[0-9]{7}|[DSPdspEeGg](?:[\\s-]?[A-Za-z])?(?:[\\s-]?[0-9]){7,8}|[DSPdspEeGg](?:(?:\\s|${EMOJI}){1,3}[0-9]){8})(?![A-Za-z0-9])`, 'g');
// 往来港澳通行证 (C/W + 8 digits, or C + letter + 7), 台湾通行证 (L/T + 8), 回乡证 (H/M + 8 or 10)
// (also typed with a space between characters: c 6 0 3 8 2 9 1 7; or with letters among its digits: C38K27619)
const PERMIT = new RegExp(`(?<![A-Za-z0-9])(?:[Cc](?=(?:[A-Za-z]?[0-9]){6})[0-9A-Za-z]{8}|[CcWw](?:${GAP}[0-9]){8}|[Cc]${GAP}[A-Za-z](?:${GAP}[0-9]){7}|[LlTt](?:${GAP}[0-9]){8}|[HhMm](?:${GAP}[0-9]){8}(?:(?:${GAP}[0-9]){2})?)(?![A-Za-z0-9])`, 'g');
/** what is typed between a passport's or permit's characters and is not part of the number (spaces, dashes, emoji) */
const NUMBER_GAPS = new RegExp(`[\\s-]|${EMOJI}`, 'g');
const PASSPORT_WORDS = /护照|passport|パスポート|旅券|여권/i;
const NOT_A_PASSPORT = /(单号|编号|活动码|报名码|邀请码|订单号?|预约号|流水号|工号|会员号|型号|批号|货号|券码|兑换码)\s*(是|为|[:：])?\s*$/;
const PERMIT_WORDS = /通行证|回乡证|港澳|台胞证|证件/;
// 台湾居民来往大陆通行证 (台胞证) of 2015 on: eight digits, no letter — only right after its name
const TAIWAN_PERMIT = /(?<=(?:台胞证|来往大陆通行证)(?:号码|号|证号)?\s*(?:是|为|[:：])?\s*)[0-9]{8}(?![0-9])/g;

/** another country's passport number, right after a passport word: nine digits (UK, US, Taiwan; or spaced out: 3 5 1 8 2 7 4 9 0), one or two letters and six to eight digits (M73920481, TK1234567, AB218735), a letter, seven digits and a letter (Singapore: K7293015C), two digits, two letters, five digits (France) */
const FOREIGN_PASSPORT = /(?<![A-Za-z0-9])(?:[A-Z]{1,2}[0-9]{6,8}|[A-Z]{1,2} [0-9]{3,4} [0-9]{3,4}|[A-Z][0-9]{7}[A-Z]|[0-9]{9}|[0-9](?:[ \t][0-9]){8}|[0-9]{2}[A-Z]{2}[0-9]{5})(?![A-Za-z0-9])/g;
/** a passport word and its label, at most a few characters before the number (护照号码：; Passport No.; passport number) */
const PASSPORT_LABEL = /(护照|passport|パスポート|旅券|여권)[^。！？!?\n]{0,16}$/i;
/** a text that is a passport's number and nothing else (a badge: 533829104) */
const NUMBER_ALONE = /^\s*(?:[A-Z]{1,2}[0-9]{6,8}|[0-9]{9}|[0-9]{2}[A-Z]{2}[0-9]{5})\s*$/;

/** pii-passport's data: the words that mark a sample (样本, SPECIMEN) */
const passportData = z.strictObject({
  /** words that mark a number as a sample (样本, SPECIMEN): with placeholder digits (E00000000), nobody's */
  samples: z.array(z.string().min(1)).default([]),
});

/** the passport and permit numbers of one view (normalised offsets) */
function passportsIn(view: SpanView, samples: RegExp | undefined, assetSpeaksOfOne = false): Found[] {
  const t = view.norm.text;
  const taiwan = t.includes('台胞证') || t.includes('来往大陆通行证') ? [...regexHits(view, TAIWAN_PERMIT)] : [];
  if (!(markers(view) & MARK_LATIN) && !taiwan.length && !(markers(view) & MARK_DIGIT && PASSPORT_WORDS.test(t))) return [];
  const found = [...regexHits(view, PASSPORT), ...taiwan];
  // (a loop, not push(...): a spread of a long list overflows the stack)
  if (PASSPORT_WORDS.test(t)) {
    for (const h of regexHits(view, PASSPORT_CONTEXT)) found.push(h);
    // (another country's passport, right after the word: 护照号 M73920481; UK passport number 533829104)
    for (const h of regexHits(view, FOREIGN_PASSPORT)) if (PASSPORT_LABEL.test(t.slice(Math.max(0, h.from - 24), h.from))) found.push(h);
  } else if (assetSpeaksOfOne) {
    // (a text of an asset about a passport, its number after a number's label: 护照招领 ‖ 证件号码：e 5 3 9 1 0 2 4 6)
    for (const h of regexHits(view, PASSPORT_CONTEXT)) if (/(号码|证号|编号|号)\s*(是|为)?\s*[:：]?\s*$/.test(t.slice(Math.max(0, h.from - 8), h.from))) found.push(h);
  }
  if (PERMIT_WORDS.test(t)) for (const h of regexHits(view, PERMIT)) found.push(h);
  const seen = new Set<number>();
  return found
    .filter(({ from }) => !seen.has(from) && (seen.add(from), true))
    // (a number labelled as a booking or an order is nobody's passport: 预约单号 E20261128)
    .filter(({ from }) => !NOT_A_PASSPORT.test(t.slice(Math.max(0, from - 8), from)))
    // (nor a sample's, marked so and filled with placeholder digits: 护照号码：E00000000（样本 SPECIMEN）)
    .filter(({ from, to, match }) => !(placeholderDigits(match[0].replace(/[^0-9]/g, '')) && markedSample(view.span.text, view.norm.start[from]!, view.norm.end[to - 1]!, samples)))
    .map(({ from, to, match }) => {
      // (spaces, dashes and emoji typed between its characters are not part of the number)
      const s = match[0].replace(NUMBER_GAPS, '').toUpperCase();
      return { from, to, masked: `${s.slice(0, 2)}${'*'.repeat(s.length - 4)}${s.slice(-2)}` };
    });
}

/**
 * pii-passport: passport and permit numbers in each text, and a text that holds a passport's number
 * alone (a badge: 533829104) where another text of the asset speaks of a passport (UK Passport).
 */
export const piiPassport: Detector = {
  id: 'pii-passport',
  pii: true,
  create: (rule: RuleMeta): Detect => {
    const samples = sampleMarks(ruleData(rule, passportData).samples);
    return (views) => {
      const hits: DetectorHit[] = [];
      const push = (view: SpanView, f: Found) => {
        const [a, b] = orig(view, f.from, f.to);
        hits.push({ view: view.index, from: a, to: b, excerpt: f.masked, fix: f.masked, data: { masked: f.masked } });
      };
      const speaksOfOne = views.length > 1 && views.some((v) => PASSPORT_WORDS.test(v.norm.text));
      for (const view of views) for (const f of passportsIn(view, samples, speaksOfOne)) push(view, f);
      if (views.length > 1 && views.some((v) => NUMBER_ALONE.test(v.span.text)) && views.some((v) => PASSPORT_WORDS.test(v.norm.text))) {
        for (const view of views) {
          if (!NUMBER_ALONE.test(view.span.text) || hits.some((h) => h.view === view.index)) continue;
          const s = view.span.text.trim();
          const from = view.span.text.indexOf(s);
          if (placeholderDigits(s.replace(/[^0-9]/g, ''))) continue;
          const masked = `${s.slice(0, 2)}${'*'.repeat(s.length - 4)}${s.slice(-2)}`;
          hits.push({ view: view.index, from, to: from + s.length, excerpt: masked, fix: masked, data: { masked } });
        }
      }
      return hits;
    };
  },
};

// --- email --------------------------------------------------------------------------------------

// (said aloud part by part, commas between: zhouqing88，艾特，sina，点，com)
const AT = String.raw`[\s，,、]*(?:@|\(\s*at\s*\)|\[\s*at\s*\]|\{\s*at\s*\}|<\s*at\s*>|【\s*at\s*】|\s#\s|#|[\s，,、]+at[\s，,、]+|艾特)[\s，,、]*`;
const DOT = String.raw`[\s，,、]*(?:\.|。|\(\s*dot\s*\)|\[\s*dot\s*\]|[\s，,、]+dot[\s，,、]+|点)[\s，,、]*`;
// (and other countries' own: orange.fr, naver.com's kr, gmx.de, yahoo.ca …)
const TLD = 'com|cn|net|org|edu|gov|hk|mo|tw|io|me|info|biz|cc|co|top|vip|xyz|us|uk|jp|sg|kr|fr|de|au|ca|es|nl|ru|br|vn|nz|ch|se|pl|pt|ie|mx|za|dk|fi';
// (not the end of a masked name: c****2@126.com)
// (an underscore said aloud: zhouqing下划线88，艾特，sina，点，com)
const EMAIL = new RegExp(`(?<![A-Za-z0-9._%+*＊-])([A-Za-z0-9](?:[A-Za-z0-9._%+-]|下划线|下劃線)*)${AT}((?:[A-Za-z0-9-]+${DOT})+(?:${TLD}))(?![A-Za-z])`, 'gi');

const emailData = z.strictObject({
  /** mailbox names that are an institution's, not a person's (service@, kefu@) */
  roles: z.array(z.string().min(1)).default([]),
  /** domains that are an institution's (a bank's own mail) */
  institutions: z.array(z.string().min(1)).default([]),
});

/** a mailbox labelled as an organisation's, right before the address (业委会公共邮箱; 学校官方邮箱; not a student's 学校邮箱) */
const ORG_MAILBOX = /(公共|官方|公用|对外)(邮箱|信箱)/;

/** an address typed one character at a time, a space between each (k a i x i n 2 0 0 1 @ s i n a . c o m) */
const SPACED_OUT = /(?<![A-Za-z0-9._@＠-])(?:[A-Za-z0-9._@＠-][ \t\u3000]){5,80}[A-Za-z0-9]/g;

/** EMAIL over the view's normalised text and over its spaced-out runs read closed up, in normalised offsets */
function* emailHits(view: SpanView): Generator<{ from: number; to: number; match: RegExpExecArray }> {
  yield* regexHits(view, EMAIL);
  const text = view.norm.text;
  SPACED_OUT.lastIndex = 0;
  for (let m = SPACED_OUT.exec(text); m; m = SPACED_OUT.exec(text)) {
    if (!/[@＠]/.test(m[0])) continue;
    // the run closed up, each character kept with its offset
    const at: number[] = [];
    let closed = '';
    for (let i = 0; i < m[0].length; i++) if (!/\s/.test(m[0][i]!)) ((closed += m[0][i]!), at.push(m.index + i));
    EMAIL.lastIndex = 0;
    for (let e = EMAIL.exec(closed); e; e = EMAIL.exec(closed)) {
      const from = at[e.index]!;
      const to = at[e.index + e[0].length - 1]! + 1;
      if (!inSafe(view, from, to)) yield { from, to, match: e };
    }
  }
}

export const piiEmail = patternDetector('pii-email', emailData, (view, d) => {
  if (!(markers(view) & MARK_LATIN) || !HAS_AT.test(view.norm.text)) return [];
  const roles = new Set(d.roles.map((r) => r.toLowerCase()));
  return [...emailHits(view)]
    .filter(({ match, from }) => {
      // (an organisation's mailbox, labelled so just before it: 发到业委会公共邮箱 yeweihui.cuiyuan4@163.com)
      const at = view.norm.start[from]!;
      if (ORG_MAILBOX.test(view.span.text.slice(Math.max(0, at - 16), at))) return false;
      const local = match[1]!.toLowerCase();
      const domain = match[2]!.toLowerCase().replace(new RegExp(DOT, 'gi'), '.');
      // (a placeholder written to show the shape of one: xxx(at)xx.com, abc@example.com)
      if (roles.has(local) || /^95\d{3}$/.test(local) || /^(x+|abc|test|demo|sample|example|your(name)?|name|\*+)$/.test(local) || /^(x+|example|abc|domain)\./.test(domain)) return false;
      return !d.institutions.some((inst) => domain === inst || domain.endsWith(`.${inst}`) || (!inst.includes('.') && domain.includes(inst)));
    })
    .map(({ from, to, match }) => {
      const domain = match[2]!.toLowerCase().replace(new RegExp(DOT, 'gi'), '.');
      return { from, to, masked: `${match[1]![0]}***@${domain}` };
    });
});

// --- home addresses -------------------------------------------------------------------------------

const N = '[0-9〇零一二三四五六七八九十两壹贰叁肆伍陆柒捌玖拾]';
/** spaces typeset between the characters and the digits (2 幢 1703 室) */
// (a line break may stand between the parts too: 幸福里小区⏎6号楼2单元⏎1101)
// (and a list's mark at the new line's start: → 9幢⏎→ 3单元⏎→ 201室)
// (each part may end its own sentence: 第5栋。⏎2单元。⏎1802房)
// (or a dash or a slash: 5号楼-2单元-1503室; 23幢/2单元/1101; or a comma, as it is said aloud: 兴华苑，B座，23楼，2306; or a dot, as a
// pin's label sets it: 莲荷苑·6幢·2单元·1101室)
const S = '(?:[ \\t\\u3000]?[。．]?\\n[ \\t\\u3000]*(?:[→➜➤>·•\\-*][ \\t\\u3000]?)?|[ \\t\\u3000]?(?:[-－/／，,、·•・][ \\t\\u3000]?)?)';
// 3栋2单元501, 3号楼2单元5楼501, 12幢1单元1202室, 7栋2梯1103 (梯: a stairwell, the unit in Guangdong)
// (a lettered block too: 华港花园B座1806房; 富力天河城C2栋27楼2704; a dormitory: 学生公寓11舍512)
// (after a floor, a door of one digit: 紫云苑6栋1单元4楼2号; a room's digits spaced out: 丽 江 苑 6 幢 2 单 元 3 0 1)
const BUILDING = new RegExp(`((?<![A-Za-z])[A-Za-z]${N}{0,2}|${N}{1,4})${S}(幢|栋|号楼|座|楼|舍)(?:${S}(${N}{1,2})${S}(?:单元|门|梯))?(?:${S}${N}{1,2}${S}[楼层])?${S}(${N}(?:[ \\t\\u3000]?${N}){1,4}|(?<=${N}${S}[楼层]${S})${N}(?=${S}号)|(?<=单元${S})${N}(?=${S}号))(?:${S}(室|号|房))?`, 'g');
// a Hong Kong or Macau flat: block, floor and flat (海景大廈 B座 9樓 3室; 海洋花園第5座15樓B), or an estate's
// block and flat (禾輋邨豐和樓1203室), its block, floor and flat (翠屏邨翠楠樓12樓B室), or a Macau tower's floor and
// flat (翠湖閣18樓C座)
const HK_FLAT = new RegExp(`(?:第?${N}{1,2}|(?<![A-Za-z])[A-Za-z])${S}座${S}${N}{1,2}${S}楼${S}(?:${N}{1,4}|[A-Za-z](?![A-Za-z]))(?:${S}室)?|[邨村苑][\u4e00-\u9fa5]{1,3}楼${S}${N}{3,4}${S}室|[邨村苑][\u4e00-\u9fa5]{1,3}楼${S}${N}{1,2}${S}楼${S}(?:${N}{1,2}|(?<![A-Za-z])[A-Za-z](?![A-Za-z]))(?:${S}室)?|(?:阁|閣|大厦|大廈|花园|苑|楼)${S}${N}{1,2}${S}楼${S}(?<![A-Za-z])[A-Za-z](?:${S}座|(?![A-Za-z]))`, 'g');
/** whose flat: it is posted to or lived in (寄去：, 住喺), or a person's (…3室嘅陳伯; …15樓B嘅杜太; …18樓C座 黎伯伯屋企) */
const FLAT_OWNER_BEFORE = /(住|寄|地址|住址|上门|上門|探望|拜访|拜訪|家访|家訪|去咗|去了)[^，。！？\n]{0,24}$/;
const FLAT_OWNER_AFTER = /^\s*(嘅|的)[^，。！？\n]{0,3}(太|生|伯|婆|姐|叔|姨|先生|小姐|女士|客户|客戶|街坊)|^\s*[\u4e00-\u9fa5]{1,3}(伯伯|婆婆|阿姨|姨姨|叔叔|太太|先生|小姐|女士)?(屋企|家|屋企度)/;
// a building, unit and room in pinyin (7 dong 2 danyuan 1203 shi)
const PINYIN_BUILDING = /(?<![0-9A-Za-z])[0-9]{1,4}\s*(?:dong|zhuang|hao\s*lou)\s*[0-9]{1,2}\s*(?:dan\s*yuan)\s*[0-9]{2,5}(?:\s*(?:shi|hao|fang)(?![A-Za-z]))?/gi;
// a unit, its floor and its door, or a unit and its room, with no building word before them: a unit (单元) is a
// home's whatever precedes it (书院街21号附3号3单元2楼1号; 21号3单元502室)
const UNIT_DOOR = new RegExp(`(?<!${N})(${N}{1,2})${S}单元${S}(?:${N}{1,2}${S}[楼层]${S}${N}{1,3}${S}号|${N}{3,4}(?:${S}(?:室|房|号))?)(?!${N})`, 'g');
// 6栋2单元 with no room: a home only when someone is said to live there (就住在望江苑小区6栋2单元)
const UNIT = new RegExp(`(${N}{1,4})${S}(幢|栋|号楼)${S}(${N}{1,2})${S}(?:单元|梯)(?!${S}${N})`, 'g');
const LIVES_WORDS = '家住|住在|就住|住址|家在|居住|现住|住的是';
const LIVES = new RegExp(`(${LIVES_WORDS})`);
/** a flat said to be someone's home, or visited at home (住在, 寄去, 上门…去到) */
const HOME_SAID = new RegExp(`(${LIVES_WORDS}|家庭地址|收件地址|寄到|寄去|送到|(帮|给|替)(客户|老人|阿姨|叔叔|大爷|奶奶|爷爷)[^。！？\\n]{0,12}(送|寄|拿|带)过去[^。！？\\n]{0,8}地址|新家在|新居在|(送|寄|拿|带)上[门門]|上[门門][^。！？\\n]{0,20}(去到|到了|來到|来到|敲开|敲開|到咗))`);
/** a family or a person said to move into a flat (霍总一家搬进…B座1802; 王阿姨两口子入住…) — not a branch or a class that moves */
const MOVED_IN = /(一家|全家|一家人|两口子|兩口子|夫妇|夫婦|老两口|小两口|先生|女士|阿姨|叔叔|大爷|奶奶|爷爷|[总叔姨伯哥姐])[^。！？\n]{0,4}(搬进|搬進|搬到|搬去|搬入|入住|乔迁|喬遷)/;
const LANE = new RegExp(`(${N}{1,4})${S}弄${S}(${N}{1,4})${S}号${S}(${N}{2,5})(?:${S}室)?`, 'g');
// a Taiwan address: a lane (and an alley), a number and a floor (復興南路一段107巷5弄3號4樓; 中山路20巷8號之1 3樓)
/** a Singapore HDB flat: Blk and its number, a street, a unit #floor-number */
const SG_FLAT = /(?<![A-Za-z])(?:Blk|BLK|Block)\s*[0-9]{1,4}[A-Z]?\s+[A-Za-z][^#\n]{2,40}#[0-9]{2}-[0-9]{2,4}(?![0-9])/g;
const TW_LANE = new RegExp(`(${N}{1,4})${S}巷${S}(?:${N}{1,3}${S}弄${S})?(${N}{1,4})${S}号(?:${S}之${S}${N}{1,2})?${S}(${N}{1,2})${S}楼(?:${S}之${S}${N}{1,2})?`, 'g');
// 解放路12号502室: a street number with a room
// (the room may start a line of its own: 三巷12号⏎401房)
// (or a sub-number first: 逢源北街23号之一301房)
const STREET_ROOM = new RegExp(`[路街巷道]${S}(${N}{1,4})${S}号(?:之[一二三四五六七八九十${N.slice(1, -1)}])?\\s?(${N}{3,4})${S}(室|房)`, 'g');
// 3-2-501 / 3－2－501 after a compound's name
// (or 3#2-1101 and 7#-3-1102: the block marked by #)
const DASHED = /([0-9]{1,3})(?:-|[#＃]-?)([0-9]{1,2})-([0-9]{3,4})(?![0-9-])/g;
// 李家村3组12号, 王庄村五组二十号, 前进村3队, 新华社区5组
// (a hamlet named between: 太平山村下坞45号)
// (and a lane of the group, as Guangdong villages number them: 棠下村三社四巷12号)
const VILLAGE = new RegExp(`(村|屯|庄|寨|社区)(?:[\u4e00-\u9fa5]{0,2}(?:坞|湾|坪|坝|岭|坑|塘|沟|冲|垟|岙|墩))?(?:${S}(${N}{1,3})${S}(组|队|社))?(?:${S}${N}{1,3}${S}(?:巷|坊|排))?${S}(${N}{1,4})${S}号`, 'g');
/** a residential compound's phase, between its name and a flat (绿地城3期8-1-1502) */
const PHASE = /(?:[0-9]{1,2}|[一二三四五六七八九十])期$/;
const MARKER = /(小区|花园|家园|新村|公寓|苑|公馆|府|庭|城|里|村|区|路|街|巷|园|湾|居|舍|院|阁|轩|郡|邸|墅)$/;
/** the end of a residential compound's name (幸福小区, 阳光花园, 翠苑, 李家村) */
const RESIDENTIAL = /(小区|花园|家园|新村|公寓|苑|新苑|里|村|庭|府|公馆|郡|邸|墅|社区|宿舍|家属院|大院)\s*$/;
const NOT_NAME = new Set([...'在住于的家是到从为和与及']);
/** before a village's name (李家村): 家 belongs to the name */
/** a village's group and house number, then whose home it is (三组 27 号的赵大爷; 5组12号家) */
const GROUP_HOUSE = new RegExp(`(?<![第0-9〇零一二三四五六七八九十两])${N}{1,3}${S}组${S}${N}{1,4}${S}号(?=的|嘅|家|住)`, 'g');
const NOT_VILLAGE = new Set([...'在住于的是到从为和与及寄送往回去来']);
const NUMERAL = new RegExp(N, 'g');

// an address written the English way, room first: Room 2103, Tower B, Yuexiu Garden, 12 Linhe Road; Unit 2, Room 501,
// No. 7 Lane 32, Shuguang Road
/** a room's number (Room 2103; Rm 5; Flat 3B; Unit 2; Apt. 12; Suite 8) */
const EN_ROOM = /(?<![A-Za-z])(?:room|rm|flat|apt|apartment|unit|suite)\.? ?#?[0-9]{1,5}[A-Za-z]?(?![A-Za-z0-9])/gi;
/** a part of an address after the room: a number, or a building's, a compound's or a street's word (Tower B, Yuexiu Garden, 12 Linhe Road) */
const EN_PART = /[0-9]|(?<![A-Za-z])(?:tower|block|blk|building|bldg|garden|gardens|estate|court|residence|residences|mansion|mansions|apartments?|villas?|village|community|compound|lane|road|rd|street|st|avenue|ave|alley|xiaoqu|huayuan|xincun|floor|no|room|rm|flat|unit|apt|suite)(?![A-Za-z])/i;
/** a word of an address: a number (12, 3B, #5, 3/F), a capitalised name (Yuexiu), an address word in any case (road) */
const EN_WORD = /^(?:#?[0-9]{1,5}[A-Za-z]?\.?|[0-9]{1,2}\/[Ff]|[A-Z][A-Za-z'-]{0,20}\.?|(?:tower|block|blk|building|bldg|garden|gardens|estate|court|residence|residences|mansion|mansions|apartments?|villas?|village|community|compound|lane|road|rd|street|st|avenue|ave|alley|floor|no|room|rm|flat|unit|apt|suite)\.?)$/;
/** what ends the part of an address that is masked: a district, a city, a country (Tianhe District) */
const EN_AREA = /(?<![A-Za-z])(?:district|city|province|county|town|township|china|prc)(?![A-Za-z])/i;
/** what makes the rooms' building a home's: a compound, a tower or block, a lane or street with its number */
const EN_HOME = /(?<![A-Za-z])(?:tower|block|blk|building|bldg|garden|gardens|estate|court|residence|residences|mansion|mansions|apartments|villas?|village|community|compound|lane|road|rd|street|st|avenue|ave|drive|dr|boulevard|blvd|crescent|terrace|alley|xiaoqu|huayuan|xincun|no)(?![A-Za-z])/i;
/** an address the way North America, Britain and Australia write it, house number first (2187 Oak Crest Dr, Irvine, CA 92618; 12 Baker Street, London NW1 6XE) */
const EN_STREET_FIRST = /(?<![A-Za-z0-9#./-])[0-9]{1,6}[A-Za-z]?\s+(?:[A-Z][a-z]+\.?\s+){1,3}(?:Dr|Drive|St|Street|Rd|Road|Ave|Avenue|Blvd|Boulevard|Lane|Ln|Way|Court|Ct|Place|Pl|Crescent|Cres|Terrace|Close|Highway|Hwy)\.?(?![A-Za-z])(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?(?:,?\s*(?:[A-Z]{2}\s+[0-9]{5}(?:-[0-9]{4})?|[A-Z]{1,2}[0-9][0-9A-Z]?\s[0-9][A-Z]{2}))?/g;
/** words around such an address that make it a home (家在, 住, 新家, 寄到, 地址, lives at) */
const EN_HOME_SAID = /家|住|寄|收件|地址|搬|(?<![A-Za-z])(lives|live in|live at|home address|address)(?![A-Za-z])/i;
/** a public place or the bank's own named on the address's line (Tongxin Bank Tianhe Branch, 3/F, Room 301) */
const EN_PUBLIC = /(?<![A-Za-z])(?:bank|branch|office|offices|hall|centre|center|hotel|hospital|school|university|college|campus|mall|plaza|museum|library|station|airport|embassy|consulate|clinic|restaurant|cafe|shop|store|company|ltd|inc|corporation|conference|meeting|classroom|studio|gym|church|temple|square|market|headquarters|hq)(?![A-Za-z])/i;

const addressData = z.strictObject({
  /** words that make a building a public place or the bank's own (网点, 大厦, 会议室 …) */
  publicPlaces: z.array(z.string().min(1)).default([]),
  /** labels that make the address after them public (网点地址：, 活动地点：) */
  publicLabels: z.array(z.string().min(1)).default([]),
});

/** A range of the text as typed, given back as normalised offsets (what is read in the source: Latin addresses). */
function typedRange(view: SpanView, from: number, to: number): [number, number] {
  return [lowerBound(view.norm.start, from), lowerBound(view.norm.start, to)];
}

export const piiAddress = patternDetector('pii-address', addressData, (view, d) => {
  const t = view.norm.text;
  const found: Found[] = [];
  // (whether the text names a public place anywhere: read once per text, not once per address)
  let namesPlace: boolean | undefined;
  const namesPublicPlace = () => (namesPlace ??= d.publicPlaces.some((w) => t.includes(w)));
  const isPublic = (from: number, to: number) => {
    // the words just before the number and just after it, within the clause
    let s = from;
    while (s > 0 && from - s < 12 && view.norm.clause[s - 1] === view.norm.clause[from]) s--;
    // (the words after it stay in its clause: 阳光花园3栋2单元501室，网点已寄出礼品 is a home)
    let e = to;
    while (e < t.length && e - to < 8 && view.norm.clause[e] === view.norm.clause[to - 1]) e++;
    const around = t.slice(s, e);
    // someone's home, whatever public place is named nearby (家住在网点附近的阳光花园3栋…), also
    // when said or labelled before a long address (客户住址：杭州市…广场3幢2单元1101室; 客户住在…华润中心 2 幢 1703 室)
    let home = s;
    while (home > 0 && from - home < 40 && view.norm.clause[home - 1] === view.norm.clause[from]) home--;
    if (/(家住|住在|住址|家在|居住|现住|家庭地址|住所|收件地址|寄到|送到|上门|客户地址|客户新地址|客户的地址|家[:：])/.test(t.slice(Math.max(0, home - 8), from)) || HOME_SAID.test(sentenceBefore(view, from, 40))) return false;
    // (or its owner named right after it: 龙苑大厦B座1203房的VIP客户梁先生)
    if (FLAT_OWNER_AFTER.test(t.slice(to, to + 12))) return false;
    // a flat in a residential compound is a home whatever public place stands near it (人民医院旁边的幸福小区3栋2单元501;
    // 幸福小区3栋2单元501（网点对面）): a public place counts as the building's own name, right before the number
    // (国贸大厦2座1501室, 市民中心5号楼201报告厅), or the room's kind right after it (201会议室)
    const name = t.slice(Math.max(s, from - 6), from);
    const residential = RESIDENTIAL.test(name) || /单元|\d梯/.test(t.slice(from, to));
    if (!residential && d.publicPlaces.some((w) => around.includes(w))) return true;
    // (a public place's own address, in brackets after its name: 翠苑一区社区居委会（翠苑一区18栋1单元101室）)
    const at = view.norm.start[from]!;
    const back = view.norm.source.slice(Math.max(0, at - 24), at);
    const open = /[（(][^（）()]*$/.exec(back);
    if (open && d.publicPlaces.some((w) => back.slice(0, open.index).trimEnd().endsWith(w))) return true;
    // (or its name just before it, set off by a comma: （同心银行杭州西湖支行，文三路168号301室）)
    const comma = /[，,]\s*[\u4e00-\u9fa5]{0,8}$/.exec(back);
    if (!residential && comma && d.publicPlaces.some((w) => back.slice(0, comma.index).trimEnd().endsWith(w))) return true;
    if (residential && d.publicPlaces.some((w) => name.endsWith(w) || t.slice(to, e).startsWith(w))) return true;
    // a label of the bank's own or a public address just before the clause (网点地址：…), however
    // long the address before the number (网点地址：杭州市西湖区文三路100号3楼301室)
    let c = s;
    while (c > 0 && from - c < 40 && view.norm.clause[c - 1] === view.norm.clause[from]) c--;
    for (const at of c === s ? [s] : [s, c]) {
      const label = t.slice(Math.max(0, at - 8), at);
      // (a label read whole, not made of two sentences' ends: 网点开展活动。⏎地址： holds no 活动地址)
      if (d.publicLabels.some((w) => label.endsWith(w) && view.norm.sentence[at - w.length] === view.norm.sentence[at - 1])) return true;
      // (or a public room named in the label, its floor and room an office's: 贵宾室预约：2楼201室、202室)
      if (d.publicPlaces.some((w) => w.endsWith('室') && label.includes(w)) && !/(栋|幢|单元|号楼|小区|花园|家园|新村)/.test(t.slice(at, to))) return true;
      // a bare 地址： in a text that names the public place it is for (…在西湖支行二楼201会议室开讲⏎地址：…)
      // (bare: opening its line or sentence — 客户王女士的地址： is someone's)
      // (an office's floor and room, not a flat in a block: 北山街88号2楼201室, not 阳光花园3栋2单元501室, nor a
      // village house by its group: 龙潭村五组27号)
      // (or a new one: 我们的理财咨询室搬到二楼啦！⏎新地址：…)
      const bare = /(新|现)?地址\s*[:：]?\s*$/.exec(t.slice(Math.max(0, at - 7), at));
      const labelAt = bare ? Math.max(0, at - 7) + bare.index : -1;
      if (bare && (labelAt === 0 || view.norm.sentence[labelAt - 1] !== view.norm.sentence[labelAt]) && !/(栋|幢|单元|号楼|小区|花园|家园|新村|村[^号]{0,4}组|[组社队]\d+号)/.test(t.slice(at, to)) && namesPublicPlace()) return true;
    }
    // a public place said to be there, from the start of the clause (营业厅位于人民大道100号2楼201室)
    const head = t.slice(c, from);
    if (/(位于|坐落于|坐落在|设在|搬到|迁至|迁到)/.test(head) && d.publicPlaces.some((w) => head.includes(w))) return true;
    // (or a counter of the bank's, in an office's floor and room: 理财咨询在二楼203室，对公业务在三楼)
    return /(咨询|业务|柜台|窗口|贵宾|办公|服务台|客服)[^，。,]{0,3}在$/.test(head) && !/(栋|幢|单元|号楼|小区|花园|家园|新村)/.test(t.slice(c, to));
  };
  const add = (from: number, to: number, residential: boolean) => {
    if (isPublic(from, to)) return;
    // extend back over the compound's name: 阳光小区, 翠苑一区, 长乐路, 李家村
    let start = from;
    // (a space may stand between the name and the number: 阳光花园 5 栋)
    let space = /[ \t\u3000\n→➜➤>·•\-*]{0,5}$/.exec(t.slice(Math.max(0, from - 5), from))![0].length;
    let marker = MARKER.exec(t.slice(Math.max(0, from - space - 4), from - space));
    // (or the compound's name before its phase: 绿地城3期8-1-1502)
    const phase = marker ? undefined : PHASE.exec(t.slice(Math.max(0, from - space - 3), from - space));
    if (phase) {
      space += phase[0].length;
      marker = MARKER.exec(t.slice(Math.max(0, from - space - 4), from - space));
    }
    if (marker) {
      start = from - space - marker[0].length;
      for (let k = 0; k < 4 && start > 0 && view.norm.gap[start]! < CLAUSE && /[\u4e00-\u9fff]/.test(t[start - 1]!) && !NOT_NAME.has(t[start - 1]!); k++) start--;
    } else if (!residential) return;
    found.push({ from: start, to, masked: t.slice(start, from) + t.slice(from, to).replace(NUMERAL, '*') });
  };
  // each pattern only where its marker occurs
  const m = markers(view);
  if (m & MARK_BUILDING) {
    for (const { from, to, match } of regexHits(view, BUILDING)) {
      // 3楼 alone is a floor; 3楼501 or 3号楼2单元501 is a flat
      if (match[2] === '楼' && !match[3] && !match[5]) continue;
      // (a lettered block is a home only after a compound's name: 华港花园B座1806房, not 会议在A座301室)
      // (a numbered block's flat is one in a compound named earlier in its sentence: 路过紫荆新村，顺道上12号楼502)
      const inCompound = /^(幢|栋|号楼)$/.test(match[2]!) && /(小区|花园|家园|新村|公寓|苑|社区)[^。！？\n]{0,10}$/.test(sentenceBefore(view, from, 24));
      // (or any block's flat said to be someone's home or visited there: 上门…去到龙苑大厦B座1203; 住在…B座1203室)
      const said = sentenceBefore(view, from, 40);
      // (or the flat's owner named right after it: …B座1203房的VIP客户梁先生)
      const home = HOME_SAID.test(said) || MOVED_IN.test(said) || FLAT_OWNER_AFTER.test(t.slice(to, to + 12));
      add(from, to, home || (!/[A-Za-z]/.test(match[1]!) && (!!(match[3] || match[5] === '室' || match[5] === '房') || inCompound)));
    }
  }
  if (m & MARK_BUILDING) {
    for (const { from, to } of regexHits(view, UNIT)) if (LIVES.test(sentenceBefore(view, from, 40))) add(from, to, true);
  }
  if (t.includes('单元')) {
    // (only where no flat above holds it: one pointer walks what was found, in order)
    const taken = found.slice().sort((a, b) => a.from - b.from);
    let k = 0;
    for (const { from, to } of regexHits(view, UNIT_DOOR)) {
      while (k < taken.length && taken[k]!.to <= from) k++;
      if (k < taken.length && taken[k]!.from < to) continue;
      add(from, to, true);
    }
  }
  if (m & MARK_BUILDING && /座|邨|村|苑|阁|厦/.test(t)) {
    // (what the other patterns found, in order: one pointer walks it, so thousands of flats stay linear)
    const taken = found.slice().sort((a, b) => a.from - b.from);
    let k = 0;
    const src = view.span.text;
    for (const { from, to } of regexHits(view, HK_FLAT)) {
      if (!FLAT_OWNER_BEFORE.test(sentenceBefore(view, from, 40)) && !FLAT_OWNER_AFTER.test(src.slice(view.norm.end[to - 1]!, view.norm.end[to - 1]! + 12))) continue;
      while (k < taken.length && taken[k]!.to <= from) k++;
      if (k < taken.length && taken[k]!.from < to) continue;
      // (the estate's name stays readable; the numbers are masked)
      found.push({ from, to, masked: t.slice(from, to).replace(NUMERAL, '*') });
    }
  }
  // the same written in pinyin (Jǐnxiù Huāyuán 7 dòng 2 dānyuán 1203 shì: tones are folded away)
  if (m & MARK_LATIN && /dong|zhuang|danyuan|dan yuan/i.test(t)) {
    for (const { from, to } of regexHits(view, PINYIN_BUILDING)) if (!isPublic(from, to)) found.push({ from, to, masked: t.slice(from, to).replace(/[0-9]/g, '*') });
  }
  if (m & MARK_LANE) for (const { from, to } of regexHits(view, LANE)) add(from, to, true);
  if (m & MARK_BUILDING && t.includes('巷')) for (const { from, to } of regexHits(view, TW_LANE)) add(from, to, true);
  // (the match starts at the street word, which stays readable)
  if (m & MARK_ROOM) for (const { from, to } of regexHits(view, STREET_ROOM)) add(from + 1, to, true);
  if (m & MARK_DASH) for (const { from, to } of regexHits(view, DASHED)) {
    // only after a residential compound's name (阳光小区3-2-501), or its phase (绿地城3期8-1-1502), never a date or a phone
    if (MARKER.test(t.slice(Math.max(0, from - 9), from).replace(/[ \t\u3000]$/, '').replace(PHASE, '')) && !/[0-9]/.test(t[from - 1] ?? '')) add(from, to, false);
  }
  // a Singapore public-housing flat: its block, its street, its unit (Blk 318 Clementi Ave 5, #08-142)
  if (m & MARK_LATIN && /blk|block/i.test(t)) {
    for (const r of view.span.text.matchAll(SG_FLAT)) {
      const [k, j] = typedRange(view, r.index!, r.index! + r[0].length);
      if (j > k && !inSafe(view, k, j)) found.push({ from: k, to: j, masked: r[0].replace(/[0-9]/g, '*') });
    }
  }
  // a Japanese address: its postal code, a prefecture and the block's numbers (〒106-0047⏎東京都港区南麻布4-11-25)
  if (m & MARK_DASH && t.includes('〒')) for (const { from, to } of regexHits(view, JP_ADDRESS)) if (!isPublic(from, to)) found.push({ from, to, masked: t.slice(from, to).replace(/[0-9]/g, '*') });
  if (m & MARK_LATIN && m & MARK_DIGIT) {
    // (read in the text as typed; what is found is given back as normalised offsets)
    const src = view.span.text;
    let done = 0;
    let k = 0;
    EN_ROOM.lastIndex = 0;
    for (let r = EN_ROOM.exec(src); r; r = EN_ROOM.exec(src)) {
      if (r.index < done) continue;
      const f = englishAddress(src, r.index, r[0].length, d);
      if (!f) continue;
      done = f.to;
      // (the rooms are found in order: one pointer over the normalised text keeps this linear)
      while (k < t.length && view.norm.start[k]! < f.from) k++;
      let j = k;
      while (j < t.length && view.norm.start[j]! < f.to) j++;
      if (j > k && !inSafe(view, k, j)) found.push({ from: k, to: j, masked: f.masked });
    }
    // an address written house number first (新家在 2187 Oak Crest Dr, Irvine, CA 92618), where its sentence says it
    // is a home and names no public place in it, and no room-first address above covers it
    // (what was found so far, in order: one pointer walks it, as for the flats above)
    const taken = found.slice().sort((a, b) => a.from - b.from);
    let p = 0;
    for (const r of src.matchAll(EN_STREET_FIRST)) {
      const end = r.index! + r[0].length;
      const around = `${src.slice(Math.max(0, r.index! - 40), r.index!).split(/[。！？!?\n]/).pop()}|${src.slice(end, end + 20).split(/[。！？!?\n]/)[0]}`;
      if (!EN_HOME_SAID.test(around) || EN_PUBLIC.test(r[0]) || EN_PUBLIC.test(src.slice(Math.max(0, r.index! - 30), r.index!))) continue;
      const [a, b] = typedRange(view, r.index!, end);
      while (p < taken.length && taken[p]!.to <= a) p++;
      if (b > a && !inSafe(view, a, b) && !(p < taken.length && taken[p]!.from < b)) found.push({ from: a, to: b, masked: r[0].replace(/[0-9]/g, '*') });
    }
  }
  if (m & MARK_VILLAGE) for (const { from, to, match } of regexHits(view, VILLAGE)) {
    // the village's name stays readable; the group and number are masked
    const keep = match[1]!.length;
    // 12号楼, 3号院 are buildings and compounds, not a house number (号，院子里… is: a clause
    // mark stands between them in the original)
    if ((t[to] === '楼' || t[to] === '院') && view.norm.gap[to]! < CLAUSE) continue;
    if (isPublic(from, to)) continue;
    let start = from;
    for (let k = 0; k < 3 && start > 0 && view.norm.gap[start]! < CLAUSE && /[\u4e00-\u9fff]/.test(t[start - 1]!) && !NOT_VILLAGE.has(t[start - 1]!); k++) start--;
    found.push({ from: start, to, masked: t.slice(start, from + keep) + t.slice(from + keep, to).replace(NUMERAL, '*') });
  }
  // a group and a house number with the village named before them in the sentence, and someone at home there
  // (去新联村走访，三组 27 号的赵大爷)
  if (m & MARK_VILLAGE && t.includes('组')) {
    for (const { from, to } of regexHits(view, GROUP_HOUSE)) {
      if (found.some((f) => f.from < to && from < f.to) || isPublic(from, to)) continue;
      if (!/[村屯寨]/.test(sentenceBefore(view, from, 30))) continue;
      found.push({ from, to, masked: t.slice(from, to).replace(NUMERAL, '*') });
    }
  }
  return found;
});

/**
 * An address written the English way from the room at source offset `from`, `room` characters long (Room 2103,
 * Tower B, Yuexiu Garden, 12 Linhe Road, Tianhe District), read in the text as typed (the normalised text reads
 * pinyin as characters: Jiefang Road is no 家纺): the comma-separated parts after the room that hold a number or an
 * address word, up to the district or city; a home's when one of them names a building, a compound or a street
 * and its sentence names no public place (Tongxin Bank Tianhe Branch, 3/F, Room 301 is the bank's). Source offsets.
 */
function englishAddress(src: string, from: number, room: number, d: z.infer<typeof addressData>): Found | undefined {
  // the sentence around it, at most 160 characters each way (a line break or 。 ends it; the full stop of No. 7 does not)
  let a = from;
  while (a > 0 && from - a < 160 && !/[。！？!?\n]/.test(src[a - 1]!)) a--;
  let e = from;
  while (e < src.length && e - from < 160 && !/[。！？!?\n]/.test(src[e]!)) e++;
  // (the address itself ends where its sentence goes on in other characters: …12 Linhe Road。老人家…)
  let z = from;
  while (z < e && /[ A-Za-z0-9.#/',，\u00C0-\u024F\u1E00-\u1EFF-]/.test(src[z]!)) z++;
  // the parts: up to each comma, while each holds a number or an address word and is written in Latin letters
  let to = from;
  let home = false;
  for (let p = from; p < z; ) {
    // (the comma looked for within the address only: a text of thousands of rooms stays linear)
    const comma = src.slice(p, z).search(/[,，]/);
    const stop = comma < 0 ? z : p + comma;
    const part = src.slice(p, stop);
    // (each word of it a number, a capitalised name or an address word: not a sentence — Room 301 tomorrow at Block B)
    if (!/[A-Za-z0-9]/.test(part) || EN_AREA.test(part) || !EN_PART.test(part) || !part.split(/\s+/).every((w) => !w || EN_WORD.test(w))) break;
    // (the room's own words are not the building's: Room 2103 Tower B with no comma is read past them)
    if (EN_HOME.test(p > from ? part : part.slice(room))) home = true;
    // (a state and its ZIP code after the room: Apt 4C, Brooklyn, NY 11215)
    if (p > from && US_ZIP.test(part)) home = true;
    to = p + part.trimEnd().length;
    p = stop + 1;
  }
  // (or the street and its number just before the room: 221 Prospect Park West, Apt 4C)
  let start = from;
  const street = STREET_BEFORE.exec(src.slice(Math.max(a, from - 60), from));
  if (street) {
    home = true;
    start = from - street[0].length;
  }
  if (!home) return undefined;
  const around = toSimplified(src.slice(a, e));
  if (EN_PUBLIC.test(around) || d.publicPlaces.some((w) => around.includes(w)) || d.publicLabels.some((w) => around.includes(w))) return undefined;
  return { from: start, to, masked: src.slice(start, to).replace(/[0-9]/g, '*') };
}
/** a Japanese postal code, then a prefecture and a block's numbers (〒106-0047 东京都港区南麻布4-11-25; 大阪府…1丁目2-3) */
const JP_ADDRESS = /〒\s?[0-9]{3}-[0-9]{4}\s{0,3}(?:东京都|北海道|京都府|大阪府|[\u4e00-\u9fff]{2,3}县)[^\n。！？]{0,20}?(?:[0-9]{1,2}丁目\s?)?[0-9]{1,4}-[0-9]{1,4}(?:-[0-9]{1,4})?/g;
/** a US state and ZIP code (NY 11215; CA 94107-1234) */
const US_ZIP = /(?<![A-Za-z])[A-Z]{2}\s[0-9]{5}(?:-[0-9]{4})?(?![0-9])/;
/** a house number and a street's capitalised name, ending in a comma right before the room (221 Prospect Park West, ) */
const STREET_BEFORE = /(?<![A-Za-z0-9])[0-9]{1,5}[A-Za-z]?(?: [A-Z][A-Za-z'.-]{1,20}){1,5},\s?$/;
