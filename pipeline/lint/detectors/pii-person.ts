// pii-person: a client's full name next to a client context — 王建华客户, 客户王建华, 王建华女士.
// Surname + honorific (张阿姨, 李先生) and masked forms (张*, 张某) are how a client is named
// in public, and pass; the personas' own names pass.
import { z } from 'zod';
import { CJK, CLAUSE, MASK, type Normalized } from '../normalize.ts';
import { inSafe, orig, type Detector, type DetectorHit } from './types.ts';

const dataSchema = z.strictObject({
  surnames: z.string().min(1),
  ambiguous: z.string().default(''),
  compound: z.array(z.string().length(2)).default([]),
  after: z.array(z.string().min(1)).min(1),
  before: z.array(z.string().min(1)).default([]),
  stop: z.string().default(''),
  notNames: z.array(z.string()).default([]),
});

export const piiPerson: Detector = {
  id: 'pii-person',
  pii: true,
  create(rule) {
    const parsed = dataSchema.safeParse(rule.data ?? {});
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${rule.file}: data.${i.path.join('.')}: ${i.message}`).join('\n'));
    const d = parsed.data;
    const surnames = new Set([...d.surnames]);
    const ambiguous = new Set([...d.ambiguous]);
    const compound = new Set(d.compound);
    const stop = new Set([...d.stop]);
    const notNames = new Set(d.notNames);
    const alt = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
    const afterRe = new RegExp(alt(d.after), 'g');
    const beforeRe = new RegExp(`(?:${alt(d.before)})(?:是|叫|名叫)?`, 'g');
    const honorific = new RegExp(`^(?:${alt(d.after)})`);

    /** a character that can be part of a given name at normalised index i */
    const givenChar = (n: Normalized, i: number) => n.cls[i] === CJK && !stop.has(n.text[i]!) && n.gap[i]! < CLAUSE;

    return (views, ctx) => {
      const personas = ctx.personaNames.map((p) => p.trim()).filter(Boolean);
      const isPersona = (name: string) => personas.some((p) => p === name || p.includes(name) || name.includes(p));
      const hits: DetectorHit[] = [];
      for (const view of views) {
        const n = view.norm;
        const t = n.text;
        const taken = new Set<number>();
        const accept = (from: number, surnameLen: number, to: number, context: string) => {
          const name = t.slice(from, to);
          if (taken.has(from) || isPersona(name) || inSafe(view, from, to)) return;
          for (let i = from; i + 2 <= to; i++) if (notNames.has(t.slice(i, i + 2))) return;
          if (n.cls[to] === MASK) return;
          taken.add(from);
          const masked = `${t.slice(from, from + surnameLen)}*`;
          const [a, b] = orig(view, from, to);
          hits.push({ view: view.index, from: a, to: b, excerpt: masked, fix: masked, data: { masked, context } });
        };

        // 王建华客户 / 王建华女士: look back from the honorific
        for (let m = afterRe.exec(t); m; m = afterRe.exec(t)) {
          const h = m.index;
          if (h === 0 || n.cls[h - 1] === MASK) continue;
          // the honorific straight after a surname is the masked form (张阿姨)
          const candidates: [number, number][] = [];
          // compound surname (欧阳) + one or two given characters
          for (const len of [4, 3]) {
            const from = h - len;
            if (from >= 0 && compound.has(t.slice(from, from + 2)) && range(from + 2, h).every((i) => givenChar(n, i))) candidates.push([from, 2]);
          }
          for (const len of [3, 2]) {
            const from = h - len;
            if (from < 0) continue;
            const s = t[from]!;
            if (!(surnames.has(s) || ambiguous.has(s)) || n.cls[from] !== CJK) continue;
            // 和张阿姨, 感谢张阿姨: a surname right before the honorific is the public form
            if (len === 2 && surnames.has(t[h - 1]!)) continue;
            if (range(from + 1, h).every((i) => givenChar(n, i)) && n.gap[from + 1]! < CLAUSE) candidates.push([from, 1]);
          }
          // the longest reading, unless its first character is more likely a verb (感谢王华先生)
          const pick = candidates.find(([from, sl]) => sl === 2 || from !== h - 3 || !VERBISH.has(t[from]!) || candidates.length === 1);
          if (pick) accept(pick[0], pick[1], h, m[0]);
        }

        // 客户王建华: look ahead from the client word
        for (let m = beforeRe.exec(t); m; m = beforeRe.exec(t)) {
          const p = m.index + m[0].length;
          if (p >= t.length || n.gap[p]! >= CLAUSE + 1) continue;
          let sl = 0;
          if (compound.has(t.slice(p, p + 2))) sl = 2;
          else if (surnames.has(t[p]!) && n.cls[p] === CJK) sl = 1;
          if (!sl || honorific.test(t.slice(p + sl))) continue;
          const boundary = (i: number) => i >= t.length || n.cls[i] !== CJK || n.gap[i]! >= CLAUSE || stop.has(t[i]!) || honorific.test(t.slice(i));
          for (const given of [2, 1]) {
            const end = p + sl + given;
            if (end > t.length) continue;
            if (range(p + sl, end).every((i) => givenChar(n, i)) && boundary(end)) {
              accept(p, sl, end, m[0].replace(/(是|叫|名叫)$/, ''));
              break;
            }
          }
        }
      }
      return hits;
    };
  },
};

/** surname characters that are more often a verb or preposition right before a name */
const VERBISH = new Set([...'谢和与给跟陪向请让叫为帮祝等见问找送']);

function range(from: number, to: number): number[] {
  const r: number[] = [];
  for (let i = from; i < to; i++) r.push(i);
  return r;
}
