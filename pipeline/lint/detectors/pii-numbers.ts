// pii-id, pii-phone, pii-card: identifying numbers, found once per text by numbers.ts, then judged
// by whose they are (and read here: Hong Kong and Macau IDs, a foreign permanent resident card's old
// number GBR337906150021, another country's phone written the international way +44 7911 482306). A number labelled as not a person's (运单号, 订单号, 活动码, an organisation's
// 对公账户) is not reported; the branch's phones and hotlines pass; a number shaped like an ID with
// a wrong check digit is a warning next to 身份证, and 16–19 digits that pass no card check are an
// error next to 卡号 (a typo in a client's number, or an issuer not listed, is still theirs).
import { z } from 'zod';
import { toSimplified } from '../normalize.ts';
import type { RuleMeta } from '../rules.ts';
import { ruleData } from '../schema.ts';
import { Attached } from '../attach.ts';
import { digitsAt, findNumbers, findPieces, idCheckDigit, PIECE_WORD, luhn, maskMiddle, maskPhone, phoneDigits, scan, suspectId, type FoundNumber, type NumberKind } from './numbers.ts';
import type { Detector, DetectorHit, LintContext, SpanView } from './types.ts';

const dataSchema = z.strictObject({
  /** labels that make the number that follows them not a person's (运单号, 订单号 …) */
  notPersonal: z.array(z.string().min(1)).default([]),
  /** words that make an account an organisation's (对公账户, 有限公司 …): cards only */
  organisation: z.array(z.string().min(1)).default([]),
  /** words next to which an ID-shaped number with a wrong check digit is still reported (身份证); for pii-card, next to which such a number is left to pii-id */
  idLabels: z.array(z.string().min(1)).default([]),
  /** words next to which 16–19 digits that pass no card check are still a card (卡号, 信用卡) */
  cardLabels: z.array(z.string().min(1)).default([]),
  /** ISO 3166 three-letter country codes that open an old foreign permanent resident card's number (GBR337906150021): pii-id only */
  countries: z.array(z.string().regex(/^[A-Z]{3}$/)).default([]),
  /** words that mark a card number as a sample (样本, SPECIMEN, 非真实), in its line or the lines beside it: with placeholder digits, nobody's (cards and phones: 联系电话：138 0000 0000（示例）) */
  samples: z.array(z.string().min(1)).default([]),
});

/** how far back (characters, within the line) a label is looked for */
const LABEL_WINDOW = 24;
const SENTENCE_END = /[。！？!?\n]/;

/** an account number's own label just before it (账号：) */
const ACCOUNT_LABEL = /(账号|账户|帐号|帐户)[:：]?$/;
/** the line of original offset `from` before it, at most 80 characters (捐赠对公账户——户名：某某慈善会 ｜ 开户行：… ｜ 账号：) */
function lineBefore(view: SpanView, from: number): string {
  const t = view.span.text;
  let a = from;
  while (a > 0 && from - a < 80 && t[a - 1] !== '\n') a--;
  return toSimplified(t.slice(a, from)).replace(/\s+/g, '');
}

/** the two lines before the line of original offset `from` (at most 80 characters), when only a label stands before it on its own line (账号：) */
function linesBefore(view: SpanView, from: number): string {
  const t = view.span.text;
  // (bounded: a line of thousands of numbers costs one short look back per number)
  let nl = from - 1;
  while (nl >= 0 && from - nl <= 13 && t[nl] !== '\n') nl--;
  if (nl < 0 || t[nl] !== '\n') return '';
  const start = nl + 1;
  if (/[\d\u4e00-\u9fa5]{7,}/.test(t.slice(start, from))) return '';
  // the two lines before, within 80 characters
  const block = t.slice(Math.max(0, start - 80), start);
  const lines = block.split('\n');
  return toSimplified(lines.slice(-3).join('')).replace(/\s+/g, '');
}

/** the text before original offset `from`, back to the start of its sentence (at most LABEL_WINDOW) */
function before(view: SpanView, from: number): string {
  const t = view.span.text;
  let s = from;
  // a label that ends the line before the number (身份证号：⏎3501…) still labels it
  while (s > 0 && /\s/.test(t[s - 1]!)) s--;
  while (s > 0 && from - s < LABEL_WINDOW && !SENTENCE_END.test(t[s - 1]!)) s--;
  return toSimplified(t.slice(s, from)).replace(/\s+/g, '');
}

/** the text after original offset `to`, to the end of its sentence (at most LABEL_WINDOW) */
function after(view: SpanView, to: number): string {
  const t = view.span.text;
  let e = to;
  while (e < t.length && e - to < LABEL_WINDOW && !SENTENCE_END.test(t[e]!)) e++;
  return toSimplified(t.slice(to, e)).replace(/\s+/g, '');
}

/** the branch phones and hotlines as digits, once per context */
const allowedCache = new WeakMap<LintContext, Set<string>>();
function allowedPhones(ctx: LintContext): Set<string> {
  let set = allowedCache.get(ctx);
  if (!set) {
    const digits = [...ctx.allowedPhones, ...ctx.hotlines].map(phoneDigits).filter(Boolean);
    // (and a landline's last eight digits, written without its area code: 8765 4321)
    allowedCache.set(ctx, (set = new Set([...digits, ...digits.filter((d) => d.length > 8).map((d) => d.slice(-8))])));
  }
  return set;
}

/** a person, or someone's own, named between an organisation and a number (志愿者王阿姨，她的卡号) */
const PERSONAL = /(她|他|我|你|您|阿姨|叔叔|伯伯|婶|先生|女士|小姐|师傅|客户|志愿者|员工|职工|会员|(?<!非|不是)个人|(?<!非)本人|老人|大爷|大妈|姐|哥|弟|妹|爸|妈|爷|奶|孩子|学生|家属|捐赠人|捐款人)/;
/** one of `words` stands in `pre`, and what follows its last occurrence passes `between` */
function lastLabel(words: string[], pre: string, between: (rest: string) => boolean): boolean {
  return words.some((w) => {
    const at = pre.lastIndexOf(w);
    return at >= 0 && between(pre.slice(at + w.length));
  });
}
/** an organisation named before a number with nobody's own between them */
// (another clause between them holds the number only as the organisation's account: 户名：某某商会，账号：)
// (a note in brackets is no other clause: 户名：某某工会委员会（对公账户，非个人）⏎账号：)
const holder = (words: string[], pre: string) =>
  lastLabel(words, pre, (rest) => !PERSONAL.test(rest) && (!/[，,；;]/.test(unbracketed(rest)) || /(账号|账户|帐号|帐户)[:：]?$/.test(rest)));
/** `rest` without the notes in brackets it holds, nor the end of one it starts inside */
const unbracketed = (rest: string) => rest.replace(/^[^（()）]*[)）]/, '').replace(/[（(][^（()）]*[)）]/g, '');
/** an organisation named right after a number, in its clause, with nobody's own before it (6222…（杭州市慈善总会）) */
function holderAfter(words: string[], post: string): boolean {
  const clause = /^[^，,。；;！？!?]*/.exec(post)![0].slice(0, 16);
  return words.some((w) => {
    const at = clause.indexOf(w);
    return at >= 0 && !PERSONAL.test(clause.slice(0, at));
  });
}

/** who an eight-digit number is: a person or a phone word just before it, a note in brackets at most between */
/** an organisation's number, not a person's (网点电话; 入境事务处…查询电话 (852) 2824 6111; 澳門分行…電話) */
const ORG_PHONE = /(网点|網點|支行|分行|银行|銀行|办事处|辦事處|事务处|事務處|海关|海關|警|热线|熱線|查询|查詢|客服|中心|公司|政府|局|署|总会|總會|协会|協會|旅游|旅遊|酒店|医院|醫院|学校|學校)(?![^，。！？\n]*(留|登记|登記|记下|記下|记低|記低|她|他|佢|太|生|小姐|先生|女士|阿姨))[^，。！？\n]{0,20}$/;
const LOCAL_OWNER = /(先生|女士|小姐|太太|[^\d]生|[^\d]太|阿姨|姨|叔|伯|哥|姐|婆|爷|奶|电话|手机|联系|号码|whatsapp|微信|致电|打给|打俾我|打畀我|打俾|打畀|call|tel)([（(][^（()）]{0,6}[)）])?(是|为|係|系)?[:：，,]?$/i;
/** no other digit, letter or dash right before or after [from, to) (a landline's area code, a longer code) */
function alone(text: string, from: number, to: number): boolean {
  return !/[0-9A-Za-z０-９\-－—+＋][\s]*$/.test(text.slice(Math.max(0, from - 3), from)) && !/^[\s]*[0-9A-Za-z０-９\-－—]/.test(text.slice(to, to + 3));
}

const parse = (rule: RuleMeta) => ruleData(rule, dataSchema);

/** how far (characters) on each side of a number its own line and the lines beside it are read for a sample mark */
const SAMPLE_WINDOW = 60;
/**
 * Whether original [from, to) of `text` is marked as a sample: one of `marks` in its own line, the
 * line before it or the two after it, within SAMPLE_WINDOW characters (卡号 6222 0000 …⏎—— 样本 SAMPLE，非真实卡号 ——).
 */
export function markedSample(text: string, from: number, to: number, marks: RegExp | undefined): boolean {
  if (!marks) return false;
  let a = from;
  for (let lines = 0; a > 0 && from - a < SAMPLE_WINDOW; a--) if (text[a - 1] === '\n' && ++lines > 1) break;
  let b = to;
  // (after it, two lines: a card face's 卡号⏎TONGXIN BANK · GOLD⏎样例)
  for (let lines = 0; b < text.length && b - to < SAMPLE_WINDOW; b++) if (text[b] === '\n' && ++lines > 2) break;
  return marks.test(toSimplified(text.slice(a, b)));
}
/**
 * Digits a sample is filled with, not a person's: a run of one digit six long or more, or six or more
 * counting up or down (E00000000; 6222 0000 0000 0000 000; E12345678). A sample mark alone does not make a
 * number nobody's (a real number with 示例 written beside it would pass): its digits must say so too.
 */
export function placeholderDigits(d: string): boolean {
  let same = 1;
  let up = 1;
  let down = 1;
  for (let i = 1; i < d.length; i++) {
    const a = d.charCodeAt(i - 1) - 48;
    const b = d.charCodeAt(i) - 48;
    same = b === a ? same + 1 : 1;
    up = b === (a + 1) % 10 ? up + 1 : 1;
    down = b === (a + 9) % 10 ? down + 1 : 1;
    if (same >= 6 || up >= 6 || down >= 6) return true;
  }
  return false;
}
/** the sample marks of a rule's data as one pattern (a Latin word whole: SAMPLE, not a word that holds it) */
export function sampleMarks(words: string[]): RegExp | undefined {
  if (!words.length) return undefined;
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(words.map((w) => (/^[A-Za-z]+$/.test(w) ? `(?<![A-Za-z])${escape(w)}(?![A-Za-z])` : escape(w))).join('|'), 'i');
}

function numberDetector(id: string, kind: NumberKind): Detector {
  return {
    id,
    pii: true,
    create: (rule) => {
      const d = parse(rule);
      const labelled = (words: string[], pre: string) => words.some((w) => pre.includes(w));
      // a non-personal label counts for the number it labels: right before it, with at most a colon, 是/为
      // or a few letters and digits of its own between (运单号：SF1234…), not for a number further on in the
      // sentence (快递单号已发给王阿姨，她的电话1391234…)
      const labels = (words: string[], pre: string) => lastLabel(words, pre, (rest) => /^[:：#＃是为\s\-—_/A-Za-z0-9+＋(（)）]{0,12}$/.test(rest));
      const samples = sampleMarks(d.samples);
      const countries = new Set(d.countries);
      return (views, ctx) => {
        const allowed = allowedPhones(ctx);
        const hits: DetectorHit[] = [];
        /** adds the hits that overlap none found before */
        const addNew = (found: DetectorHit[]) => {
          for (const h of found) if (!hits.some((k) => k.view === h.view && k.from < h.to && h.from < k.to)) hits.push(h);
        };
        // (numbers written the international way with another country's code: read here, not as digits alone —
        // +1 (626) 378-4410 is no mobile 162…)
        const abroad = kind === 'phone' ? views.map((v) => [...internationalPhones(v, allowed), ...nanpPhones(v), ...taiwanPhones(v), ...japanKoreaPhones(v)].filter((h) => !allowed.has(v.span.text.slice(h.from, h.to).replace(/\D/g, '')))) : [];
        // (a number split between two texts of the asset is judged as one: 客户电话138 ‖ 0013 8000)
        const across = acrossTexts(views);
        const pieces = piecesAcross(views);
        for (const view of views) {
          for (const n of [...findNumbers(view), ...(across.get(view) ?? []), ...(pieces.get(view) ?? [])] as (FoundNumber & { part?: Split['part'] })[]) {
            // 18 digits with a region and a birth date, read as a card (Luhn passes one in ten):
            // next to 身份证 it is an ID with a wrong check digit, reported by pii-id
            const idShaped = (n.kind === 'card' || n.kind === 'card-suspect') && n.digits.length === 18 && suspectId(n.digits);
            const suspect = (kind === 'id' && (n.kind === 'id-suspect' || idShaped)) || (kind === 'card' && n.kind === 'card-suspect');
            const local = kind === 'phone' && n.kind === 'phone-local';
            if (n.kind !== kind && !suspect && !local) continue;
            if (kind === 'phone' && allowed.has(n.digits)) continue;
            if (kind === 'phone' && abroad[view.index]?.some((h) => h.from < n.to && n.from < h.to)) continue;
            // (a card number marked as a sample and filled with placeholder digits is nobody's: 卡号 6222 0000 0000 0000 000⏎
            // —— 样本 SAMPLE，非真实卡号 ——; an ID's or a phone's is still reported: the standard's example ID is a whole number)
            if ((kind === 'card' || kind === 'phone') && !n.part && placeholderDigits(n.digits) && markedSample(view.span.text, n.from, n.to, samples)) continue;
            const pre = before(view, n.from);
            // eight digits are a person's phone only right after them or a phone word, standing alone
            // (李生 9376 2054; 区小姐（澳门）6628 7719; not the end of 0571-8765 4321, nor a 工号)
            if (local && !(LOCAL_OWNER.test(pre) && !ORG_PHONE.test(pre) && alone(view.span.text, n.from, n.to))) continue;
            // (a number whose last digit stands in brackets is an identity card's, not a phone: 5215386(4))
            if (local && /[(（]\s?[0-9]\s?[)）]?$/.test(view.span.text.slice(n.from, n.to + 1))) continue;
            // (a Hong Kong or Macau number given with its prefix is an organisation's where one is named before it)
            if (kind === 'phone' && n.prefix && /^(852|853|\+852|\+853)/.test(n.prefix.replace(/[()\s]/g, '')) && (ORG_PHONE.test(pre) || ORG_PHONE.test(lineBefore(view, n.from).replace(/[，,；;]/g, '')))) continue;
            if (kind === 'card' && idShaped && labelled(d.idLabels, pre)) continue;
            // (a number that passes every check of a resident ID — region, birth date, check digit — is
            // one whatever it is called: 吴先生的订单号：510107199302171237)
            // (an ID with its check digit right is one whatever it is called; fifteen digits carry none: 注册号 330106000123456)
            // (or labelled in brackets right after it: 330100000123456（工商注册号，企业公示信息）)
            if ((labels(d.notPersonal, pre) || labelledAfter(d.notPersonal, view.span.text.slice(n.to, n.to + 12))) && !(kind === 'id' && n.kind === 'id' && n.digits.length === 18)) continue;
            // an organisation's account names its holder before or after the number (户名：某某基金会)
            // (or in the block of lines it heads: 户名：某某慈善总会（对公账户）⏎账号：3301…)
            // (nobody's own between the holder and the number: 慈善总会志愿者王阿姨，她的卡号… is hers; and
            // a holder after the number stands right after it, in its clause: 客户卡号…，感谢慈善总会 is the client's)
            if (kind === 'card' && !PERSON_HOLDS.test(after(view, n.to)) && (holder(d.organisation, pre) || holderAfter(d.organisation, after(view, n.to)) || holder(d.organisation, linesBefore(view, n.from)) || (ACCOUNT_LABEL.test(pre) && holder(d.organisation, lineBefore(view, n.from))))) continue;
            if (suspect && !labelled(kind === 'id' ? d.idLabels : d.cardLabels, pre)) continue;
            if (n.part) {
              // the other part of the number gets a hit of its own, masked as its share of the whole
              const h = hit(view, n, kind, suspect);
              hits.push({ ...h, fix: maskPart(view.span.text.slice(n.from, n.to), n.part.firstDigit, n.digits.length, kind) });
              const other = n.part.other;
              hits.push({ ...h, view: other.view.index, from: other.from, to: other.to, fix: maskPart(other.view.span.text.slice(other.from, other.to), other.firstDigit, n.digits.length, kind) });
            } else hits.push(hit(view, n, kind, suspect));
          }
        }
        if (kind === 'card') for (const h of completedCards(views)) hits.push(h);
        // (an IBAN whose check digits hold, or a Japanese account after its type: 普通 4827391 — nobody's only when an
        // organisation's or a sample)
        if (kind === 'card')
          for (const v of views)
            for (const h of [...ibans(v), ...japaneseAccounts(v)]) {
              const around = before(v, h.from) + linesBefore(v, h.from) + after(v, h.to);
              if (hits.some((k) => k.view === h.view && k.from < h.to && h.from < k.to) || labels(d.notPersonal, before(v, h.from)) || NOT_OWN_ACCOUNT.test(around) || holder(d.organisation, around) || markedSample(v.span.text, h.from, h.to, samples)) continue;
              hits.push(h);
            }
        // (a US social security number after its name: SSN 531-72-4408)
        if (kind === 'id') for (const v of views) for (const h of socialSecurityNumbers(v)) if (!labels(d.notPersonal, before(v, h.from)) && !markedSample(v.span.text, h.from, h.to, samples)) hits.push(h);
        if (kind === 'card')
          for (const v of views)
            for (const h of shortAccounts(v)) {
              // (somebody's: a person named before it in its sentence, and no organisation, fraudster or sample about it)
              const pre = before(v, h.from);
              // (or a person named as its holder on the lines after: 收款账号：483920175566⏎收款人：Mr. L（客户之子）)
              if (hits.some((k) => k.view === h.view && k.from < h.to && h.from < k.to) || !(PERSONAL.test(pre) || HOLDER_NEXT.test(v.span.text.slice(h.to, h.to + 40))) || labels(d.notPersonal, pre)) continue;
              const [lines, post] = [linesBefore(v, h.from), after(v, h.to)];
              if (NOT_OWN_ACCOUNT.test(pre + lines + post) || holder(d.organisation, pre) || holderAfter(d.organisation, post) || holder(d.organisation, lines)) continue;
              hits.push(h);
            }
        for (const h of underMasked(views, kind)) if (!labels(d.notPersonal, before(views[h.view]!, h.from))) hits.push(h);
        // (a card's "tail" that runs far past the four digits a tail may show: 他的卡「尾号3663821509」)
        if (kind === 'card')
          for (const v of views)
            addNew(labelledNumbers(v, LONG_TAIL, lastFour));
        // (an ID's "tail" of seven digits or more, where the text is about ID numbers: 身份证后四位就行⏎卫阿姨 后十位 8503128898)
        if (kind === 'id')
          for (const v of views)
            if (ID_WORD.test(v.span.text))
              addNew(labelledNumbers(v, ID_LONG_TAIL, lastFour));
        // (a Hong Kong bank account, three digits, six and three, after its label, in a client's story: 账号 024-573918-838)
        if (kind === 'card')
          for (const v of views)
            if (/客户|客戶|先生|女士|小姐|太太|阿姨|叔叔/.test(v.span.text))
              addNew(labelledNumbers(v, HK_ACCOUNT, (n) => `***-******-${n.slice(-3)}`, '（境外账户号码）'));
        if (kind === 'id') for (const v of views) for (const h of regionalIds(v, samples)) if (!labels(d.notPersonal, before(v, h.from))) hits.push(h);
        if (kind === 'id' && countries.size)
          for (const v of views) for (const h of foreignOldIds(v, countries)) if (!labels(d.notPersonal, before(v, h.from))) hits.push(h);
        if (kind === 'phone')
          for (const v of views)
            for (const h of abroad[v.index] ?? []) {
              const pre = before(v, h.from);
              if (labels(d.notPersonal, pre)) continue;
              // (a sample number marked so, filled with placeholder digits: +886 912 345 678（示例）)
              if (placeholderDigits(v.span.text.slice(h.from, h.to).replace(/\D/g, '')) && markedSample(v.span.text, h.from, h.to, samples)) continue;
              // (an organisation's number abroad, named before it on its line or the line above: 伦敦分行 Tel: +44 20 …)
              if (ORG_PHONE.test(pre) || ORG_PHONE.test(lineBefore(v, h.from).replace(/[，,；;]/g, '')) || orgAbroad(v.span.text, h.from)) continue;
              hits.push(h);
            }
        return hits;
      };
    },
  };
}

/** a number's hit shown and fixed as its mask; `why` names the kind of number, when one is given */
const maskedHit = (view: SpanView, from: number, to: number, masked: string, why?: string): DetectorHit => ({ view: view.index, from, to, excerpt: masked, fix: masked, data: why === undefined ? { masked } : { masked, why } });

/** a Hong Kong identity card number: one or two letters, six digits, a check character (R562047(2)) */
const HKID = /(?<![A-Za-z0-9])([A-Z]{1,2})[\s]?([0-9]{3}[\s]?[0-9]{3})[\s]?(?:[(（]\s?([0-9A])\s?[)）]|([0-9A]))?(?![A-Za-z0-9])/g;
/** a Macau resident's identity card number: 1, 5 or 7, six digits, a check digit in brackets (5215386(4)) */
const MACAU_ID = /(?<![0-9A-Za-z])([157])\s?([0-9]{6})\s?[(（]\s?([0-9])\s?[)）]/g;
/** full-width letters, digits and brackets read as ASCII, one code unit for one (Ｐ４５１９０６（３）) */
const halfWidth = (t: string) => (/[\uff01-\uff5e]/.test(t) ? t.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : t);
const HKID_WORDS = /身份证|身份證|hkid|id card|證件|证件/i;
/** the HKID check: letters A=10…Z=35 (a space before a single one counts 36), weights 9…2, mod 11 */
function validHkid(letters: string, digits: string, check: string): boolean {
  const chars = (letters.length === 1 ? ' ' : '') + letters + digits;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = chars[i]!;
    const v = c === ' ' ? 36 : /[A-Z]/.test(c) ? c.charCodeAt(0) - 55 : Number(c);
    sum += v * (9 - i);
  }
  const r = (11 - (sum % 11)) % 11;
  return check === (r === 10 ? 'A' : String(r));
}
/** Hong Kong identity card numbers in a view (a valid check character, written in its brackets or next to an ID word), Macau ones next to an ID word, and Taiwan ones with a valid check digit or next to an ID word */
const PERMANENT_RESIDENT_ID = /(?<![A-Za-z0-9])[A-Z]{3}[0-9]{12}(?![0-9])/g;
function regionalIds(view: SpanView, samples: RegExp | undefined): DetectorHit[] {
  const t = halfWidth(view.span.text);
  const hits: DetectorHit[] = [];
  if (/[A-Z]\s?[0-9]{3}\s?[0-9]{3}/.test(t)) for (const m of t.matchAll(HKID)) {
    const digits = m[2]!.replace(/\s/g, '');
    const check = m[3] ?? m[4];
    // away from an ID word only a valid check character in its brackets makes one; right after an ID word,
    // one with no check character (香港身份证 Z880362) or a failing one (a typo in the client's number) does too
    if (!HKID_WORDS.test(t.slice(Math.max(0, m.index! - 16), m.index!)) && (check === undefined || !m[3] || !validHkid(m[1]!, digits, check))) continue;
    // (the standard's sample A123456(7), marked 示例 or 例如, is nobody's)
    if (placeholderDigits(digits) && markedSample(t, m.index!, m.index! + m[0].length, samples)) continue;
    const masked = `${m[1]}${digits.slice(0, 1)}*****(*)`;
    hits.push(maskedHit(view, m.index!, m.index! + m[0].length, masked, '（香港身份证号码）'));
  }
  // (a Macau card, next to an ID word: its check digit is not one Wendu can verify)
  if (/[(（]/.test(t))
    for (const m of t.matchAll(MACAU_ID)) {
      if (!HKID_WORDS.test(t.slice(Math.max(0, m.index! - 16), m.index!))) continue;
      const masked = `${m[1]}******(*)`;
      hits.push(maskedHit(view, m.index!, m.index! + m[0].length, masked, '（澳门身份证号码）'));
    }
  // (a Taiwan identity card number with a valid check digit, or any of its shape after an ID word: F227816340;
  // the standard's sample A123456789 marked 示例 is nobody's)
  if (/[A-Z][12][0-9]{8}/.test(t))
    for (const m of t.matchAll(TAIWAN_ID)) {
      if (!validTaiwanId(m[0]) && !TAIWAN_ID_WORDS.test(t.slice(Math.max(0, m.index! - 16), m.index!))) continue;
      if (placeholderDigits(m[0].slice(1)) && markedSample(t, m.index!, m.index! + m[0].length, samples)) continue;
      const masked = `${m[0][0]}${m[0][1]}*******${m[0].slice(-1)}`;
      hits.push(maskedHit(view, m.index!, m.index! + m[0].length, masked, '（台湾身份证号码）'));
    }
  // (a Macau card written with slashes, next to an ID word: 澳門居民身份證：5/218437/3)
  if (t.includes('/'))
    for (const m of t.matchAll(MACAU_SLASHED)) {
      if (!HKID_WORDS.test(t.slice(Math.max(0, m.index! - 16), m.index!))) continue;
      const masked = `${m[1]}/******/*`;
      hits.push(maskedHit(view, m.index!, m.index! + m[0].length, masked, '（澳门身份证号码）'));
    }
  // (a Taiwan number broken by spaces, a line or keycaps — F208⏎573553; E2️⃣3️⃣7️⃣… — read whole, with a valid check digit or after an ID word)
  if (/[A-Z](?:[\s\uFE0F\u20E3]|[0-9]){3}/.test(t))
    for (const m of t.matchAll(TAIWAN_ID_BROKEN)) {
      const id = m[0].replace(/[^A-Z0-9]/g, '');
      if (id.length !== 10 || m[0].length === 10 || hits.some((h) => h.from < m.index! + m[0].length && m.index! < h.to)) continue;
      if (!validTaiwanId(id) && !TAIWAN_ID_WORDS.test(t.slice(Math.max(0, m.index! - 16), m.index!))) continue;
      const masked = `${id[0]}${id[1]}*******${id.slice(-1)}`;
      hits.push(maskedHit(view, m.index!, m.index! + m[0].length, masked, '（台湾身份证号码）'));
    }
  // (a Singapore NRIC or FIN with a valid check letter: S8247672E)
  if (/[STFG][0-9]{7}[A-Z]/.test(t))
    for (const m of t.matchAll(NRIC)) {
      if (!validNric(m[0])) continue;
      const masked = `${m[0][0]}****${m[0].slice(5)}`;
      hits.push(maskedHit(view, m.index!, m.index! + m[0].length, masked, '（新加坡身份证号码）'));
    }
  // (a Korean resident registration number, after its name or with a valid check digit: 주민등록번호 850317-2070017;
  // a Malaysian MyKad after its name: MyKad：680914-14-5237 — each with a birth date of its own form)
  if (/[0-9]{6}-[0-9]/.test(t)) {
    for (const m of t.matchAll(KOREAN_RRN)) {
      const d = m[1]! + m[2]!;
      if (!validShortDate(m[1]!) || !(KOREAN_ID_WORDS.test(t.slice(Math.max(0, m.index! - 24), m.index!)) || validRrn(d))) continue;
      const masked = `${m[1]!.slice(0, 2)}****-${m[2]!.slice(0, 1)}******`;
      hits.push(maskedHit(view, m.index!, m.index! + m[0].length, masked, '（韩国居民登录号）'));
    }
    for (const m of t.matchAll(MYKAD)) {
      if (!validShortDate(m[1]!) || !MYKAD_WORDS.test(t.slice(Math.max(0, m.index! - 24), m.index!))) continue;
      const masked = `${m[1]!.slice(0, 2)}****-**-**${m[3]!.slice(-2)}`;
      hits.push(maskedHit(view, m.index!, m.index! + m[0].length, masked, '（马来西亚身份证号码）'));
    }
  }
  // (a foreign permanent resident's card of the old form, three letters of the country and twelve digits, after its name:
  // 外国人永久居留身份证 CAN440081072157)
  if (/永久居留/.test(t))
    for (const m of t.matchAll(PERMANENT_RESIDENT_ID)) {
      if (!/永久居留[^。！？\n]{0,12}$/.test(t.slice(Math.max(0, m.index! - 20), m.index!))) continue;
      const masked = `${m[0].slice(0, 3)}*********${m[0].slice(-3)}`;
      hits.push(maskedHit(view, m.index!, m.index! + m[0].length, masked, '（外国人永久居留身份证号码）'));
    }
  return hits;
}
/** a Macau card number written 5/218437/3 */
const MACAU_SLASHED = /(?<![0-9A-Za-z/])([157])\s?\/\s?([0-9]{6})\s?\/\s?([0-9])(?![0-9/])/g;
/** a Taiwan number with spaces, line breaks or keycap marks inside it */
const TAIWAN_ID_BROKEN = /(?<![A-Za-z0-9])[A-Z](?:[ \t\n\uFE0F\u20E3]{0,3}[0-9]){9}(?![0-9]|[\uFE0F\u20E3]*[0-9])/g;
/** a Singapore NRIC or FIN: S, T, F or G, seven digits, a check letter */
const NRIC = /(?<![A-Za-z0-9])[STFG][0-9]{7}[A-Z](?![A-Za-z0-9])/g;
function validNric(id: string): boolean {
  const w = [2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(id[i + 1]) * w[i]!;
  if (id[0] === 'T' || id[0] === 'G') sum += 4;
  const r = sum % 11;
  const letters = id[0] === 'S' || id[0] === 'T' ? 'JZIHGFEDCBA' : 'XWUTRQPNMLK';
  return letters[r] === id[8];
}
/** a Korean resident registration number: a birth date, a dash, seven digits opening with the sex (1–8) */
const KOREAN_RRN = /(?<![0-9])([0-9]{6})[-‐]([1-8][0-9]{6})(?![0-9])/g;
const KOREAN_ID_WORDS = /주민등록번호|주민번호|居民登录|居民登錄|韩国身份证|韓國身份證|韩国的身份证|RRN/i;
/** the old Korean check digit (numbers issued before October 2020) */
function validRrn(d: string): boolean {
  const w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(d[i]) * w[i]!;
  return (11 - (sum % 11)) % 10 === Number(d[12]);
}
/** a Malaysian MyKad number: a birth date, the place of birth, four digits */
const MYKAD = /(?<![0-9])([0-9]{6})-([0-9]{2})-([0-9]{4})(?![0-9])/g;
const MYKAD_WORDS = /MyKad|mykad|IC\s?(?:No|号|號)?|马来西亚身份证|馬來西亞身份證|大马身份证|大馬身份證|身份证|身份證/;
/** a Taiwan identity card number: a letter, 1 or 2 (the sex), eight digits */
const TAIWAN_ID = /(?<![A-Za-z0-9])[A-Z][12][0-9]{8}(?![A-Za-z0-9])/g;
const TAIWAN_ID_WORDS = /身份证|身份證|身分證|身分证|字号|字號|统一编号|統一編號|證號|证号/;
/** the Taiwan ID check: the letter's two digits weighted 1 and 9, the nine digits 8…1 and 1, the sum a multiple of ten */
function validTaiwanId(id: string): boolean {
  const code = 'ABCDEFGHJKLMNPQRSTUVXYWZIO'.indexOf(id[0]!) + 10;
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  for (let i = 1; i < 10; i++) sum += Number(id[i]) * (i === 9 ? 1 : 9 - i);
  return sum % 10 === 0;
}

/** an old foreign permanent resident card's number (2004–2017): a country's three letters, the province, the birth date (yymmdd), four more digits (GBR337906150021) */
const FOREIGN_OLD_ID = /(?<![A-Za-z0-9])([A-Z]{3})\s?([0-9](?:\s?[0-9]){11})(?![0-9A-Za-z])/g;
/** Old foreign permanent resident card numbers in a view: a listed country code, a mainland province and a valid birth date. */
function foreignOldIds(view: SpanView, countries: Set<string>): DetectorHit[] {
  const t = halfWidth(view.span.text);
  if (!/[A-Z]{3}\s?[0-9]{2}/.test(t)) return [];
  const hits: DetectorHit[] = [];
  for (const m of t.matchAll(FOREIGN_OLD_ID)) {
    const digits = m[2]!.replace(/\s/g, '');
    const province = Number(digits.slice(0, 2));
    if (!countries.has(m[1]!) || province < 11 || province > 65 || !validShortDate(digits.slice(2, 8))) continue;
    const masked = `${m[1]}${digits.slice(0, 2)}********${digits.slice(-2)}`;
    hits.push(maskedHit(view, m.index!, m.index! + m[0].length, masked, '（外国人永久居留证号码）'));
  }
  return hits;
}
/** a birth date written yymmdd, in either century (790615) */
function validShortDate(d: string): boolean {
  const m = Number(d.slice(2, 4));
  const day = Number(d.slice(4, 6));
  if (m < 1 || m > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(2000 + Number(d.slice(0, 2)), m, 0)).getUTCDate();
}

/** country calling codes of one digit (ITU-T E.164: +1 North America, +7 Russia) */
const CALLING_1 = new Set(['1', '7']);
/** country calling codes of two digits (+44, +61, +82); any code not of one or two digits is read as three (+971) */
const CALLING_2 = new Set(['20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47', '48', '49', '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63', '64', '65', '66', '81', '82', '84', '86', '90', '91', '92', '93', '94', '95', '98']);
/** codes read elsewhere: the mainland's, Hong Kong's and Macau's (numbers.ts classify) */
const CALLING_HOME = new Set(['86', '852', '853']);
/** what may stand between the groups of a number written the international way (spaces, dashes, dots, brackets, a line break) */
const INTL_SEP = /[ \t\u3000\u00a0\-‐‑–—.．()（）\n\r]/;
/** a mask character right after a number: the number is masked, not whole (+44 7911 ****06) */
const MASK_AFTER = /^[ \t]?[*＊✱×xX]/;
/**
 * Numbers written the international way with another country's code (+44 7911 482306; +61 412 583 902;
 * +1 (626) 378-4410; +82 10⏎4821⏎7730): a plus, the country code, then six to twelve digits in groups,
 * at most three separators between two groups. The mainland's, Hong Kong's and Macau's codes are read by
 * numbers.ts; the branch's own numbers pass.
 */
function internationalPhones(view: SpanView, allowed: Set<string>): DetectorHit[] {
  const t = halfWidth(view.span.text);
  if (!t.includes('+')) return [];
  const hits: DetectorHit[] = [];
  for (let i = t.indexOf('+'); i >= 0; i = t.indexOf('+', i + 1)) {
    // (not a plus between numbers: 身份证 330106 + 19580412 + 2031 joins pieces, it dials no country)
    // (a word before it with a space is a label: WhatsApp +61 412 …)
    if (/[0-9][ \t]*$|[A-Za-z]$/.test(t.slice(Math.max(0, i - 3), i))) continue;
    // the groups of digits after it, each with where it ends and whether a line break comes before it
    const groups: { digits: string; to: number; nl: boolean }[] = [];
    let seps = 0;
    let nl = false;
    let digits = 0;
    for (let j = i + 1; j < t.length && j - i < 40 && digits < 16; j++) {
      const c = t[j]!;
      if (c >= '0' && c <= '9') {
        if (seps || !groups.length) groups.push({ digits: '', to: j, nl });
        const g = groups[groups.length - 1]!;
        g.digits += c;
        g.to = j + 1;
        digits++;
        seps = 0;
        nl = false;
      } else if (INTL_SEP.test(c) && ++seps <= 3) {
        if (c === '\n') nl = true;
      } else break;
    }
    // (a number goes on over a line break only with three digits or more on the next line: not a list's 2.)
    const cut = groups.findIndex((g) => g.nl && g.digits.length < 3);
    if (cut >= 0) groups.length = cut;
    if (!groups.length) continue;
    const end = groups[groups.length - 1]!.to;
    if (MASK_AFTER.test(t.slice(end, end + 2)) || /^[ \t]*[+＋]/.test(t.slice(end, end + 3))) continue;
    const all = groups.map((g) => g.digits).join('');
    // the country code: the first group when it is one (+44 7911 …), else read from the digits (+447911…)
    const first = groups[0]!.digits;
    const code = groups.length > 1 && first.length <= 3 ? first : CALLING_1.has(all[0]!) ? all[0]! : CALLING_2.has(all.slice(0, 2)) ? all.slice(0, 2) : all.slice(0, 3);
    if (CALLING_HOME.has(code) || (code.length === 1 && !CALLING_1.has(code)) || (code.length === 2 && !CALLING_2.has(code))) continue;
    const national = all.slice(code.length);
    if (national.length < 6 || national.length > 12) continue;
    if (allowed.has(all) || allowed.has(national) || allowed.has(national.slice(-8))) continue;
    const masked = `+${code} ${national.slice(0, 2)}${'*'.repeat(national.length - 4)}${national.slice(-2)}`;
    hits.push(maskedHit(view, i, end, masked, ''));
  }
  return hits;
}
/**
 * A North American number written the national way, labelled as a mobile or a phone of the US or Canada just before it
 * (美国手机 US mobile: (646) 839-2751): no + to read it by, so only with its label.
 */
const NANP = /(?:美国|美國|加拿大|(?<![A-Za-z])(?:US|USA|U\.S\.|Canada|Canadian|American))[^\n]{0,16}?(?:mobile|cell|phone|tel|手机|手機|电话|電話)[^\n0-9]{0,8}?(\(?[2-9]\d{2}\)?[\s.\-]?[2-9]\d{2}[\s.\-]?\d{4})(?![0-9])/gi;
function nanpPhones(view: SpanView): DetectorHit[] {
  const t = halfWidth(view.span.text);
  if (!/\d{4}/.test(t)) return [];
  const hits: DetectorHit[] = [];
  NANP.lastIndex = 0;
  for (let m = NANP.exec(t); m; m = NANP.exec(t)) {
    const digits = m[1]!.replace(/\D/g, '');
    const from = m.index + m[0].length - m[1]!.length;
    const masked = `(${digits.slice(0, 1)}**) ***-**${digits.slice(-2)}`;
    hits.push(maskedHit(view, from, m.index + m[0].length, masked, ''));
  }
  return hits;
}
/**
 * A Taiwan mobile number written the local way (0935-218-476; 0912 345 678): ten digits from 09, which no
 * mainland number has (a four-digit area code takes seven or eight digits after it) — read where the text
 * is about Taiwan or a phone word stands right before it.
 */
const TW_MOBILE = /(?<![0-9+＋])09[0-9]{2}[-\s]?[0-9]{3}[-\s]?[0-9]{3}(?![0-9])/g;
const TW_CUE = /台湾|台灣|臺灣|台北|臺北|台中|臺中|台南|臺南|高雄|新竹|桃园|桃園|基隆|台胞|臺胞|(?<![A-Za-z])LINE(?![A-Za-z])/;
const PHONE_WORD_BEFORE = /(电话|電話|手机|手機|号码|號碼|致电|致電|联系|聯絡|聯繫|联络|更新为|更新為|改为|改為|换成|換成|whatsapp|tel|call)[^0-9\n]{0,8}$/i;
function taiwanPhones(view: SpanView): DetectorHit[] {
  const t = halfWidth(view.span.text);
  if (!t.includes('09')) return [];
  const hits: DetectorHit[] = [];
  const cue = TW_CUE.test(t);
  TW_MOBILE.lastIndex = 0;
  for (let m = TW_MOBILE.exec(t); m; m = TW_MOBILE.exec(t)) {
    if (!cue && !PHONE_WORD_BEFORE.test(t.slice(Math.max(0, m.index - 16), m.index))) continue;
    const digits = m[0].replace(/\D/g, '');
    const masked = `09**-***-*${digits.slice(-2)}`;
    hits.push(maskedHit(view, m.index, m.index + m[0].length, masked, ''));
  }
  return hits;
}
/** a Japanese mobile written at home (090-4417-2863) and a Korean one (010-7382-5519): read only where the text is about a
 * Japanese or a Korean client, since 010-xxxx-xxxx is also a Beijing landline */
const JP_MOBILE = /(?<![0-9])0[789]0[-\s]?[0-9]{4}[-\s]?[0-9]{4}(?![0-9])/g;
const KR_MOBILE = /(?<![0-9])01[016789][-\s][0-9]{3,4}[-\s][0-9]{4}(?![0-9])/g;
const JP_CUE = /日本|Japan|様|さん|お客様|東京|东京|大阪|日語|日语|日本語/;
const KR_CUE = /韩国|韓國|한국|首尔|首爾|서울|Korea|고객|님/;
function japanKoreaPhones(view: SpanView): DetectorHit[] {
  const t = halfWidth(view.span.text);
  if (!/0[1789][0-9][-\s]?[0-9]{3}/.test(t)) return [];
  const hits: DetectorHit[] = [];
  for (const [re, cue] of [[JP_MOBILE, JP_CUE], [KR_MOBILE, KR_CUE]] as const) {
    if (!cue.test(t) || (re === KR_MOBILE && /北京/.test(t))) continue;
    for (const m of t.matchAll(re)) {
      if (ORG_PHONE.test(t.slice(Math.max(0, m.index! - 16), m.index!))) continue;
      const digits = m[0].replace(/\D/g, '');
      const masked = `${digits.slice(0, 3)}-****-**${digits.slice(-2)}`;
      hits.push(maskedHit(view, m.index!, m.index! + m[0].length, masked, ''));
    }
  }
  return hits;
}
/** an organisation's word, in English or Chinese, before a number abroad (Tongxin Bank London Branch⏎Tel: +44 …; 驻英使馆) */
const ORG_ABROAD = /(?<![A-Za-z])(?:bank|branch|office|embassy|consulate|hotline|helpline|service|services|assistance|support|centre|center|school|university|college|hospital|clinic|hotel|airline|airlines|airport|company|ltd|inc|agency|department|police|government|council|museum|reception|visa|mastercard|unionpay|paypal|insurance|emergency)(?![A-Za-z])|使馆|领事|领馆|航空|机场|大学|学院|移民局|警察|警署/gi;
/** somebody's own named after it (her, my, 客户, 她): the number is theirs, not the organisation's */
const OWN_ABROAD = /(?<![A-Za-z])(?:her|his|my|mr|mrs|ms|miss|client|customer)(?![A-Za-z])|客户|客戶|她|他|佢|阿姨|先生|女士|小姐|妈妈|爸爸|女儿|儿子|朋友|同学/i;
/** Whether an organisation is named on the line of original offset `from`, or the line above, with nobody's own between it and the number. */
function orgAbroad(text: string, from: number): boolean {
  let a = from;
  for (let lines = 0; a > 0 && from - a < 100; a--) if (text[a - 1] === '\n' && ++lines > 1) break;
  const before = text.slice(a, from);
  let last = -1;
  ORG_ABROAD.lastIndex = 0;
  for (let m = ORG_ABROAD.exec(before); m; m = ORG_ABROAD.exec(before)) last = m.index + m[0].length;
  return last >= 0 && !OWN_ABROAD.test(before.slice(last));
}

/**
 * An account number of another form, ten to fifteen digits, right after an account's label and at most a bank's
 * name (汇出账户是汇丰 004-512-376018-838; 户口 012-345678-001): a client's account, which no card check reads.
 */
const SHORT_ACCOUNT = /(?:账户|帐户|帳戶|账号|帐号|帳號|户口|戶口)(?:号码|號碼|号|號)?\s*(?:是|为|為|係|系|[:：])?\s*(?:[\u4e00-\u9fa5]{2,6}(?:银行|銀行)?\s*)?((?<![0-9])[0-9](?:[ \-]?[0-9]){9,14})(?![0-9])/g;
/** what says an account is an organisation's or a fraudster's, or a sample (对公; 专户; 清算账户; 同业账户，非个人账户; 安全账户; 示例) */
const NOT_OWN_ACCOUNT = /对公|同业|清算|非个人|單位|单位|机构|機構|专户|專戶|公司|慈善|基金会|基金會|工会|工會|学校|學校|医院|醫院|法院|税务|稅務|物业|物業|骗子|騙子|诈骗|詐騙|安全账户|示例|样例|例如/;
function shortAccounts(view: SpanView): DetectorHit[] {
  const t = halfWidth(view.span.text);
  if (!/账|帐|帳|户口|戶口/.test(t)) return [];
  const hits: DetectorHit[] = [];
  SHORT_ACCOUNT.lastIndex = 0;
  for (let m = SHORT_ACCOUNT.exec(t); m; m = SHORT_ACCOUNT.exec(t)) {
    const digits = m[1]!.replace(/\D/g, '');
    if (digits.length < 10 || digits.length > 15) continue;
    const from = m.index + m[0].length - m[1]!.length;
    const masked = `${digits.slice(0, 3)}${'*'.repeat(digits.length - 6)}${digits.slice(-3)}`;
    hits.push(maskedHit(view, from, m.index + m[0].length, masked, '（账户号码）'));
  }
  return hits;
}
/** a person named as the holder on the lines after an account (收款人：Mr. L（客户之子）; 户名：王女士) */
const HOLDER_NEXT = /^[^。！？]{0,8}\n[ \t]*(收款人|户名|戶名|开户人|開戶人|持卡人|受取人|Beneficiary|Account name)\s*[:：]?\s*(Mr|Mrs|Ms|Miss|Dr)?[^\n]{0,12}(客户|客戶|先生|女士|小姐|之子|之女|儿子|女儿|[A-Z][a-z]+\s[A-Z][a-z]+|Mr|Mrs|Ms)/;

/** IBAN lengths by country (the ones clients' transfers go to most) */
const IBAN_LENGTH: Record<string, number> = { GB: 22, DE: 22, FR: 27, IT: 27, ES: 24, NL: 18, CH: 21, BE: 16, AT: 20, IE: 22, SE: 24, NO: 15, DK: 18, FI: 18, PL: 28, PT: 25, LU: 20, AE: 23, SA: 24, GR: 27, CZ: 24, HU: 28, TR: 26, IL: 23, QA: 29, KW: 30, BH: 22, MT: 31, CY: 28, MC: 27, LI: 21, IS: 26, EE: 20, LV: 21, LT: 20, SK: 24, SI: 19, HR: 21, RO: 24, BG: 22 };
const IBAN_START = /(?<![A-Za-z0-9])([A-Z]{2})[0-9]{2}/g;
/** what may stand between an IBAN's groups: spaces, dashes, dots, an emoji */
const IBAN_SEP = /^(?:[ \t\u00a0\-·•.]|\p{Extended_Pictographic}\uFE0F?|\uFE0F)/u;
const ibanValid = (iban: string) => {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let r = 0;
  for (const ch of moved) {
    const v = ch >= 'A' && ch <= 'Z' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    r = v >= 10 ? (r * 100 + v) % 97 : (r * 10 + v) % 97;
  }
  return r === 1;
};
/** IBANs in a view: a listed country, its length, and check digits that hold or the label IBAN before it (GB95 BARC 2004 1573 8492 61; DE44🔸5001🔸…) */
function ibans(view: SpanView): DetectorHit[] {
  // (read in capitals: an IBAN copied in lower case is the same account — gb14barc20035847193625)
  const t = halfWidth(view.span.text).replace(/[a-z]/g, (c) => c.toUpperCase());
  const hits: DetectorHit[] = [];
  for (const m of t.matchAll(IBAN_START)) {
    const want = IBAN_LENGTH[m[1]!];
    if (!want) continue;
    let code = '';
    let i = m.index!;
    // (read on to the country's length, over separators; a group may not run past it)
    while (i < t.length && code.length < want) {
      const c = t[i]!;
      if (/[A-Z0-9]/.test(c)) {
        code += c;
        i++;
        continue;
      }
      const sep = IBAN_SEP.exec(t.slice(i, i + 3));
      if (!sep || code.length < 4) break;
      i += sep[0].length;
    }
    // (labelled IBAN, it is an account number whatever its check digits: a typo leaks it all the same)
    const labelled = /IBAN[\s:：]*$/i.test(t.slice(Math.max(0, m.index! - 8), m.index!));
    if (code.length !== want || /[A-Za-z0-9]/.test(t[i] ?? '') || (!ibanValid(code) && !labelled)) continue;
    const masked = `${code.slice(0, 4)}${'*'.repeat(code.length - 8)}${code.slice(-4)}`;
    hits.push(maskedHit(view, m.index!, i, masked, '（境外银行账户号码）'));
  }
  return hits;
}
/**
 * The numbers `re` (global; its last group the number, ending the match) finds after their label in a view, each
 * masked by `mask` and reported with `why`, if any (普通 4827391; SSN 531-72-4408; 卡「尾号3663821509」).
 */
function labelledNumbers(view: SpanView, re: RegExp, mask: (n: string) => string, why?: string): DetectorHit[] {
  const hits: DetectorHit[] = [];
  for (const m of halfWidth(view.span.text).matchAll(re)) {
    const n = m[m.length - 1]!;
    const from = m.index! + m[0].length - n.length;
    const masked = mask(n);
    hits.push(maskedHit(view, from, from + n.length, masked, why));
  }
  return hits;
}
/** a Japanese account: its type, then seven digits (普通 4827391; 普通預金 1234567) */
const JP_ACCOUNT = /(?:普通|当座|普通預金|普通预金|當座)\s*(?:口座)?\s*(?:番号)?\s*[:：]?\s*((?<![0-9])[0-9]{7})(?![0-9])/g;
const japaneseAccounts = (view: SpanView) => labelledNumbers(view, JP_ACCOUNT, (n) => `${n.slice(0, 1)}*****${n.slice(-1)}`, '（境外账户号码）');
/** a US social security number after its name (SSN 531-72-4408; 社安号：531-72-4408) */
const SSN = /(?:SSN|Social Security(?: Number| No\.?)?|社安号|社会安全号|社會安全號|社会安全码)[^0-9\n]{0,24}?((?<![0-9])[0-9]{3}-[0-9]{2}-[0-9]{4})(?![0-9])/gi;
const socialSecurityNumbers = (view: SpanView) => labelledNumbers(view, SSN, (n) => `***-**-${n.slice(-4)}`, '（美国社会安全号）');

/** a person named as the account's holder right after it (捐款账户：6222…（工商银行，开户人为患儿母亲）): the account is theirs, whatever the label says */
const PERSON_HOLDS = /^[^。！？\n]{0,12}(开户人|户名|持卡人|收款人)(为|是|[:：])?[^，。！？\n]{0,4}(母亲|父亲|妈妈|爸爸|本人|家属|奶奶|爷爷|外婆|外公|女儿|儿子|丈夫|妻子|爱人|女士|先生|阿姨|叔叔|患者|患儿)/;
/** a card number shown with only its last four masked (6222 0212 0345 ****) */
const HEAD_SHOWN = /(?<![0-9])((?:[0-9][\s-]?){11,14}[0-9])[\s-]?[*＊xX×]{4}(?![0-9*＊])/g;
/** a card's or an account's tail of seven digits or more: no tail, most of the number (卡「尾号3663821509」) */
const LONG_TAIL = /(?:卡|账户|账号|帐号|帳號|賬號)[^。！？\n]{0,8}?(?:尾号|尾號|末尾|后几位|後幾位)(?:是|为|為)?[:：]?\s*([0-9]{7,15})(?![0-9])/g;
/** a Hong Kong account number after its label (账号 024-573918-838) */
const HK_ACCOUNT = /(?:账号|帳號|账户|帳戶|户口号码|戶口號碼|[Aa]ccount(?: [Nn]o\.?| [Nn]umber)?)\s*[:：]?\s*([0-9]{3}-[0-9]{6}-[0-9]{3})(?![0-9])/g;
/** an ID number's tail said to be seven digits or more, and given (后十位 8503128898) */
const ID_LONG_TAIL = /(?:后|後|末|最后|最後)(?:[7-9]|1[0-7]|[七八九十]|十[一二三四五六七])位(?:是|为|為)?[:：]?\s*([0-9]{6,16}[0-9Xx])(?![0-9])/g;
const ID_WORD = /身份证|身份證|证件|證件/;
/** a long number masked but its last four */
const lastFour = (n: string) => `${'*'.repeat(n.length - 4)}${n.slice(-4)}`;
/** its last four given elsewhere in the asset (您的卡尾号是6780) */
const TAIL_GIVEN = /(?:尾号|末四位|后四位|最后四位)(?:是|为)?[:：]?\s*([0-9]{4})(?![0-9])/g;
/**
 * A card number completed across an asset: shown with its last four masked in one place and its last
 * four given in another (失卡招领｜6222 0212 0345 **** ‖ …您的卡尾号是6780) is the whole number
 * published. Reported at the last four, when the completed number passes the card check.
 */
function completedCards(views: SpanView[]): DetectorHit[] {
  const heads: string[] = [];
  for (const v of views) for (const m of v.span.text.matchAll(HEAD_SHOWN)) heads.push(m[1]!.replace(/[\s-]/g, ''));
  if (!heads.length) return [];
  const hits: DetectorHit[] = [];
  for (const v of views)
    for (const m of v.span.text.matchAll(TAIL_GIVEN)) {
      const full = heads.map((h) => h + m[1]!).find((d) => d.length >= 16 && d.length <= 19 && luhn(d));
      if (!full) continue;
      const from = m.index! + m[0].length - 4;
      const masked = maskMiddle(full);
      hits.push({ view: v.index, from, to: from + 4, excerpt: masked, fix: '****', data: { masked, why: '（卡号前段已在别处给出，与尾号合起来就是整张卡号）' } });
    }
  return hits;
}

// ---------------------------------------------------------------------------------------------
// Masking done wrong. COMPLIANCE.md's masked forms show at most a phone's first 3 and last 4 digits
// (138****5678), a card's first 6 and last 4 (6222 **** **** 1234), an ID's first 6 and last 4
// (110105********002X). A number written with a mask that shows more than that (158 3621 *947;
// 510104****09030467; 6214 8305 7102 46*3) is the client's number less a digit or two; and one
// masked right whose hidden digits the asset gives elsewhere (138****5167 ‖ 中间四位是2946; an ID's
// masked birth date ‖ 生日：1954年3月8日, completing a number whose check digit then holds) is the
// whole number published.

/** a mask character: an asterisk in any width, a multiplication sign, a letter x typed for a digit */
const MASK_CHAR = /[*＊✱×xX]/;
/** digits, masks and single separators: a number written with a mask (two masks at least, or one among 10+ digits) */
const MASKED_RUN = /(?<![0-9０-９*＊✱×A-Za-z])[0-9０-９*＊✱×xX](?:[ \-]?[0-9０-９*＊✱×xX]){9,22}(?![0-9０-９*＊✱×A-Za-z])/g;

interface Masked {
  from: number;
  to: number;
  /** one entry per position: a digit, or '*' for a masked one */
  cells: string[];
  kind: 'phone' | 'id' | 'card';
}

/** the numbers of a text written with a mask, by what their positions make (11: a mobile, 18: an ID, 16–19: a card) */
function maskedNumbers(text: string): Masked[] {
  if (!/[*＊✱×xX]/.test(text)) return [];
  const out: Masked[] = [];
  MASKED_RUN.lastIndex = 0;
  for (let m = MASKED_RUN.exec(text); m; m = MASKED_RUN.exec(text)) {
    // (a name's mask and then a number are two: 陈* 510104********1636 — the number starts after the space)
    if (/^[*＊✱] /.test(m[0]) && /[\u4e00-\u9fff]/.test(text[m.index - 1] ?? '')) {
      MASKED_RUN.lastIndex = m.index + 1;
      continue;
    }
    const cells: string[] = [];
    for (const ch of m[0]) {
      if (ch === ' ' || ch === '-') continue;
      const c = ch.charCodeAt(0);
      cells.push(c >= 0xff10 && c <= 0xff19 ? String(c - 0xff10) : MASK_CHAR.test(ch) ? '*' : ch);
    }
    // (an ID's check character X is a digit of its own: 11010519491231002X)
    if (cells.length === 18 && /[xX]$/.test(m[0])) cells[17] = 'X';
    const masks = cells.filter((c) => c === '*').length;
    if (!masks || masks === cells.length) continue;
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    const n = cells.length;
    let kind: Masked['kind'] | undefined;
    if (n === 11 && (cells[0] === '1' ? /[3-9*]/.test(cells[1]!) : cells[0] === '*' && /电话|電話|手机|手機|号码|號碼/.test(before))) kind = 'phone';
    else if (n === 18 && !/卡号|卡號|账号|賬號|帐号/.test(before) && (/证件|證件|身份证|身份證|证号|證號/.test(before) || /^[1-6*]$/.test(cells[0]!))) kind = 'id';
    else if (n >= 16 && n <= 19) kind = 'card';
    if (kind) out.push({ from: m.index, to: m.index + m[0].length, cells, kind });
  }
  return out;
}

/** the positions a correct mask may show: a phone's first 3 and last 4, an ID's or a card's first 6 and last 4 */
const shown = (k: Masked['kind'], n: number, i: number) => (k === 'phone' ? i < 3 || i >= n - 4 : i < 6 || i >= n - 4);
/** the number as its correct mask (what can be said of it without repeating it) */
const asMasked = (x: Masked) => x.cells.map((c, i) => (shown(x.kind, x.cells.length, i) ? c : '*')).join('');

/** how many masked IDs, and dates, an asset is read for: a post holds a few */
const COMPLETE_MAX = 16;
/** a number's masked middle given in words elsewhere (中间四位是2946; 中间4位：2946; 卡号中间八位是8338 8336) */
const MIDDLE_GIVEN = /(?:中间|中間)(?:那)?([一二三四五六七八九十0-9]{1,2})位(?:数字|号码|号|数)?(?:是|为|係|系)?[:：]?\s*([0-9０-９](?:[ \-]?[0-9０-９]){2,11})(?![0-9０-９])/g;
/** the masked digits given without their count (中间被遮的是0964 68; 打码的部分是…): as many as they are */
const HIDDEN_GIVEN = /(?:中间|中間)?(?:被遮住?的|被挡住的|被盖住的|打码的|遮住的|被打码的)(?:数字|部分|几位|那几位|号码)?(?:是|为|係|系)[:：]?\s*([0-9０-９](?:[ \-]?[0-9０-９]){2,11})(?![0-9０-９])/g;
/** a phone's tail and its head given apart (尾号3368（前面是191 5770）; 前七位是1915770，尾号3368) */
const TAIL_THEN_HEAD = /尾号\s*(?:是|为)?\s*([0-9]{4})(?![0-9])[^。\n]{0,12}?前(?:面|七位|7位)(?:的)?(?:是|为|係)?\s*[:：]?\s*(1[3-9](?:\s?[0-9]){5})(?![0-9])/g;
const HEAD_THEN_TAIL = /前(?:面|七位|7位)(?:的)?(?:是|为|係)?\s*[:：]?\s*(1[3-9](?:\s?[0-9]){5})(?![0-9])[^。\n]{0,12}?尾号\s*(?:是|为)?\s*([0-9]{4})(?![0-9])/g;
const COUNT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
/** a full date: an ID's birth date given elsewhere (生日：1954年3月8日; 1956.03.20) */
const DATE_GIVEN = /(?<![0-9])(19[0-9]{2}|20[0-2][0-9])\s*(?:年|[.\-/])\s*([0-9]{1,2})\s*(?:月|[.\-/])\s*([0-9]{1,2})(?![0-9])/g;

/**
 * Numbers of `kind` masked so that they still publish the client's number: more digits shown than
 * the conventions allow, or the hidden ones given elsewhere in the asset.
 */
const maskedCache = new Attached<SpanView[], { v: SpanView; x: Masked }[]>('maskedNumbers');
/** a mobile given as its tail and, apart, its first seven digits: the two together are the number */
function headAndTail(views: SpanView[]): DetectorHit[] {
  const hits: DetectorHit[] = [];
  for (const w of views) {
    if (!w.span.text.includes('尾号')) continue;
    for (const [re, head, tail] of [[TAIL_THEN_HEAD, 2, 1], [HEAD_THEN_TAIL, 1, 2]] as const)
      for (const m of w.span.text.matchAll(re)) {
        const digits = m[head]!.replace(/\s/g, '') + m[tail]!;
        if (!/^1[3-9][0-9]{9}$/.test(digits)) continue;
        const masked = `${digits.slice(0, 3)}****${digits.slice(-4)}`;
        const at = m.index! + m[0].indexOf(m[head]!);
        hits.push({ view: w.index, from: at, to: at + m[head]!.length, excerpt: masked, fix: '*'.repeat(m[head]!.length), data: { masked, why: '（尾号和前几位分开写出，合起来就是整个手机号）' } });
      }
  }
  return hits;
}
function underMasked(views: SpanView[], kind: NumberKind): DetectorHit[] {
  // (read once per asset, shared by the three number detectors, like acrossTexts)
  let all = maskedCache.get(views);
  if (!all) maskedCache.set(views, (all = views.flatMap((v) => maskedNumbers(v.span.text).map((x) => ({ v, x })))));
  if (!all.length) return [];
  const hits: DetectorHit[] = [];
  // (a mobile's tail and head given apart, read whether any number is masked or not)
  if (kind === 'phone') for (const h of headAndTail(views)) hits.push(h);
  /** a number masked only in one run in its middle: its correct mask, and how many digits the run hides */
  let middleHidden: { masked: string; count: number } | undefined;
  const birthHidden: Masked[] = [];
  for (const { v, x } of all) {
    if (x.kind !== kind) continue;
    // (another country's number, its calling code in the run: +1 646 *** **19 is masked as that country writes it)
    if (/[+＋]\s?$/.test(v.span.text.slice(Math.max(0, x.from - 2), x.from)) && !x.cells.join('').startsWith('86')) continue;
    const n = x.cells.length;
    const masked = asMasked(x);
    const extra = x.cells.filter((c, i) => c !== '*' && !shown(x.kind, n, i)).length;
    if (extra > 0) {
      hits.push(maskedHit(v, x.from, x.to, masked, `（打码只遮住了部分数字，还露出${extra}位不该露出的数字）`));
      continue;
    }
    const hidden = x.cells.flatMap((c, i) => (c === '*' ? [i] : []));
    if (hidden.length >= 3 && hidden[0]! > 0 && hidden[hidden.length - 1]! < n - 1 && hidden[hidden.length - 1]! - hidden[0]! === hidden.length - 1) middleHidden ??= { masked, count: hidden.length };
    if (kind === 'id' && n === 18 && hidden.every((i) => i >= 6 && i < 14) && birthHidden.length < COMPLETE_MAX) birthHidden.push(x);
  }
  // a number's masked middle, given in words elsewhere with as many digits as the mask hides: each such piece reported once
  if (middleHidden) {
    const { masked, count } = middleHidden;
    const what = kind === 'phone' ? '手机号' : kind === 'id' ? '身份证号' : '卡号';
    for (const w of views) {
      // (the middle's count said in words, or — masked digits given without it — as many as it gives)
      const given = [
        ...[...w.span.text.matchAll(MIDDLE_GIVEN)].map((m) => ({ m, said: /^[0-9]+$/.test(m[1]!) ? Number(m[1]) : COUNT[m[1]!] })),
        ...[...w.span.text.matchAll(HIDDEN_GIVEN)].map((m) => ({ m, said: count })),
      ];
      for (const { m, said } of given) {
        const digits = m[m.length - 1]!;
        if (said !== count || digits.replace(/[ \-]/g, '').length !== count) continue;
        const from = m.index! + m[0].length - digits.length;
        hits.push({ view: w.index, from, to: m.index! + m[0].length, excerpt: masked, fix: '*'.repeat(digits.length), data: { masked, why: `（${what}打了码，被遮住的中间${count}位却在别处写明，合起来就是整个号码）` } });
      }
    }
  }
  // an ID's masked birth date, given as a date that completes it (its check digit holds); a post holds
  // a few of either, and a text of thousands is read for its first COMPLETE_MAX dates, not every pair
  if (birthHidden.length) {
    let dates = 0;
    for (const w of views)
      for (const m of w.span.text.matchAll(DATE_GIVEN)) {
        if (++dates > COMPLETE_MAX) break;
        const date = m[1]! + m[2]!.padStart(2, '0') + m[3]!.padStart(2, '0');
        const x = birthHidden.find((b) => {
          const full = b.cells.map((c, i) => (c === '*' ? date[i - 6]! : c)).join('');
          return /^[0-9]{17}[0-9X]$/.test(full) && idCheckDigit(full.slice(0, 17)) === full[17];
        });
        if (!x) continue;
        const masked = asMasked(x);
        hits.push({ view: w.index, from: m.index!, to: m.index! + m[0].length, excerpt: masked, fix: '****年**月**日', data: { masked, why: '（身份证号打了码，被遮住的出生日期却在别处写明，合起来就是整个号码）' } });
      }
  }
  return hits;
}

const WHY: Record<string, string> = {
  bin: '（国内银行卡号段，校验位不符）',
  luhn: '（符合卡号校验规则）',
  foreign: '（外国人永久居留身份证号码）',
};

function hit(view: SpanView, n: FoundNumber, kind: NumberKind, suspect: boolean): DetectorHit {
  const masked = kind === 'phone' ? maskPhone(n.digits, n.prefix) : maskMiddle(n.digits);
  const why = suspect ? (kind === 'id' ? '（校验位不符，疑似录入有误的身份证号）' : '（未通过卡号校验，但标明是卡号）') : n.why ? WHY[n.why]! : '';
  // an ID with a wrong check digit may be a typo or something else: a warning; 16–19 digits
  // labelled as a card are the client's card whatever the checks say: an error
  return { ...maskedHit(view, n.from, n.to, masked, why), ...(suspect && kind === 'id' ? { severity: 'warning' as const } : {}) };
}

export const piiId = numberDetector('pii-id', 'id');
export const piiPhone = numberDetector('pii-phone', 'phone');
export const piiCard = numberDetector('pii-card', 'card');

/** the characters of a text's end and of the next one's start read together for a number between them */
const EDGE = 32;

type Split = FoundNumber & { part: { firstDigit: number; other: { view: SpanView; from: number; to: number; firstDigit: number } } };

/**
 * Numbers that start at the end of one text of the asset and end at the start of the next (a
 * headline 客户电话138 over a subtitle 0013 8000): each as the part in the first text, the rest
 * in `part.other`. They are read as a line break apart: both parts need their three digits.
 */
const acrossCache = new Attached<SpanView[], Map<SpanView, Split[]>>('numbersAcross');
function acrossTexts(views: SpanView[]): Map<SpanView, Split[]> {
  // (once per asset, shared by the three number detectors, like findNumbers per text)
  let out = acrossCache.get(views);
  if (out) return out;
  out = new Map<SpanView, Split[]>();
  acrossCache.set(views, out);
  for (let k = 0; k + 1 < views.length; k++) {
    const a = views[k]!;
    const b = views[k + 1]!;
    const A = a.span.text;
    const B = b.span.text;
    if (!/[\d０-９]\s*$/.test(A.slice(-4)) || !/^\s*[\d０-９]/.test(B.slice(0, 4))) continue;
    const tail = A.slice(-EDGE);
    const joint = `${tail}\n${B.slice(0, EDGE)}`;
    for (const n of scan(joint)) {
      if (n.from >= tail.length || n.to <= tail.length + 1) continue;
      const base = A.length - tail.length;
      const cut = tail.length + 1;
      const firstB = digitCount(joint, n.from, tail.length);
      const split: Split = {
        ...n,
        from: base + n.from,
        to: A.length,
        part: { firstDigit: 0, other: { view: b, from: 0, to: n.to - cut, firstDigit: firstB } },
      };
      const list = out.get(a) ?? [];
      list.push(split);
      out.set(a, list);
    }
  }
  return out;
}

/**
 * A number given in pieces over the asset's texts (a subtitle's 电话前半段：186 2741 ‖ a caption's
 * 后四位系3309): the texts that hold a position word are read together, one line apart, and a
 * number whose pieces lie in two of them is reported at its first piece.
 */
const piecesCache = new Attached<SpanView[], Map<SpanView, FoundNumber[]>>('piecesAcross');
function piecesAcross(views: SpanView[]): Map<SpanView, FoundNumber[]> {
  let out = piecesCache.get(views);
  if (out) return out;
  out = new Map();
  piecesCache.set(views, out);
  const withPieces = views.filter((v) => PIECE_WORD.test(v.span.text) && /[0-9０-９〇零一二三四五六七八九]/.test(v.span.text));
  if (withPieces.length < 2) return out;
  let joined = '';
  const starts: number[] = [];
  for (const v of withPieces) {
    starts.push(joined.length);
    joined += `${v.span.text}\n`;
  }
  const viewAt = (at: number) => {
    let k = 0;
    while (k + 1 < starts.length && starts[k + 1]! <= at) k++;
    return k;
  };
  for (const n of findPieces(joined)) {
    const a = viewAt(n.from);
    if (viewAt(n.to - 1) === a) continue;
    const v = withPieces[a]!;
    const list = out.get(v) ?? [];
    list.push({ ...n, from: n.from - starts[a]!, to: v.span.text.length });
    out.set(v, list);
  }
  return out;
}

/** The digits of text[from, to), read as numbers.ts reads them (一三八, ⑬, 𝟏 and 138OO included). */
function digitCount(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; ) {
    const { digits, width } = digitsAt(text, i);
    n += digits;
    i += width;
  }
  return n;
}

/** A part of a number as its share of the masked whole (138 ‖ 0013 8000 → 138 ‖ ****8000). */
function maskPart(text: string, firstDigit: number, total: number, kind: NumberKind): string {
  const [head, tail] = kind === 'phone' ? [3, 4] : [6, 4];
  let at = firstDigit;
  let out = '';
  for (let i = 0; i < text.length; ) {
    const { digits, width } = digitsAt(text, i);
    // a character kept when every digit it gives is kept (⑬ at the edge of the masked middle is masked)
    const keep = digits === 0 || (at + digits <= head || at >= total - tail);
    out += keep ? text.slice(i, i + width) : '*'.repeat(digits);
    at += digits;
    i += width;
  }
  return out;
}

/** a label of `list` opening the brackets right after a number (…（工商注册号，企业公示信息）) */
function labelledAfter(list: readonly string[], after: string): boolean {
  const m = /^\s*[（(]\s*([^）)，,。]{2,10})/.exec(after);
  return !!m && list.some((w) => m[1]!.startsWith(w) || m[1]!.endsWith(w));
}
