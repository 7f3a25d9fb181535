// pii-plate, pii-passport, pii-email, pii-address: a client's other identifying details, found by
// pattern on the normalised text (full-width letters and traditional characters already folded).
import { orig, regexHits, type Detect, type Detector, type DetectorHit, type SpanView } from './types.ts';

function patternDetector(id: string, find: (view: SpanView) => { from: number; to: number; masked: string }[]): Detector {
  return {
    id,
    pii: true,
    create: (): Detect => (views) => {
      const hits: DetectorHit[] = [];
      for (const view of views) {
        for (const f of find(view)) {
          const [a, b] = orig(view, f.from, f.to);
          hits.push({ view: view.index, from: a, to: b, excerpt: f.masked, fix: f.masked, data: { masked: f.masked } });
        }
      }
      return hits;
    },
  };
}

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE = new RegExp(`(?<![A-Za-z0-9])[${PROVINCES}][A-HJ-NP-Z][·•\\s-]?(?=[A-HJ-NP-Z0-9]{0,5}[0-9])[A-HJ-NP-Z0-9]{5,6}(?![A-Za-z0-9*])`, 'g');

export const piiPlate = patternDetector('pii-plate', (view) =>
  [...regexHits(view, PLATE)].map(({ from, to, match }) => {
    const s = match[0];
    // province + letter (+ separator) kept, the serial masked but its last character
    const head = /^..[·•\s-]?/.exec(s)![0];
    return { from, to, masked: `${head}${'*'.repeat(s.length - head.length - 1)}${s.slice(-1)}` };
  }),
);

const PASSPORT = /(?<![A-Za-z0-9])(?:[EG][0-9]{8}|E[A-HJ-NP-Z][0-9]{7})(?![A-Za-z0-9])/g;
const PASSPORT_OTHER = /(?<![A-Za-z0-9])(?:[DSP]E?[0-9]{7})(?![A-Za-z0-9])/g;

export const piiPassport = patternDetector('pii-passport', (view) => {
  const found = [...regexHits(view, PASSPORT)];
  // diplomatic/service/official passports look like model numbers: only next to 护照
  if (view.norm.text.includes('护照')) found.push(...regexHits(view, PASSPORT_OTHER));
  return found.map(({ from, to, match }) => ({ from, to, masked: `${match[0].slice(0, 2)}${'*'.repeat(match[0].length - 4)}${match[0].slice(-2)}` }));
});

const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** role mailboxes are an institution's, not a person's */
const ROLE = /^(service|services|kefu|info|support|contact|help|hr|marketing|noreply|no-reply|admin|webmaster|95\d{3})@/i;

export const piiEmail = patternDetector('pii-email', (view) =>
  [...regexHits(view, EMAIL)]
    .filter(({ match }) => !ROLE.test(match[0]))
    .map(({ from, to, match }) => {
      const at = match[0].indexOf('@');
      return { from, to, masked: `${match[0][0]}***${match[0].slice(at)}` };
    }),
);

const N = '[0-9〇零一二三四五六七八九十两]';
const BUILDING = new RegExp(`(${N}{1,4})(幢|栋|号楼|座)(?:(${N}{1,2})单元)?(${N}{2,5})(室|号)?`, 'g');
const LANE = new RegExp(`(${N}{1,4})弄(${N}{1,4})号(${N}{2,5})室`, 'g');
const MARKER = /(小区|花园|家园|新村|公寓|苑|公馆|府|庭|城|里|村|区|路|街|巷)$/;
const NOT_NAME = new Set([...'在住于的家是到从为和与及']);
const NUMERAL = new RegExp(N, 'g');

export const piiAddress = patternDetector('pii-address', (view) => {
  const t = view.norm.text;
  const found: { from: number; to: number; masked: string }[] = [];
  const add = (from: number, to: number, residential: boolean) => {
    // extend back over the compound's name: 阳光小区, 翠苑一区, 长乐路
    let start = from;
    const marker = MARKER.exec(t.slice(Math.max(0, from - 4), from));
    if (marker) {
      start = from - marker[0].length;
      for (let k = 0; k < 4 && start > 0 && /[\u4e00-\u9fff]/.test(t[start - 1]!) && !NOT_NAME.has(t[start - 1]!); k++) start--;
    } else if (!residential) return;
    found.push({ from: start, to, masked: t.slice(start, from) + t.slice(from, to).replace(NUMERAL, '*') });
  };
  for (const { from, to, match } of regexHits(view, BUILDING)) add(from, to, !!(match[3] || match[5] === '室'));
  for (const { from, to } of regexHits(view, LANE)) add(from, to, true);
  return found;
});
