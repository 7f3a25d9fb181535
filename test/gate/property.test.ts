// Property tests of the gate (issue 12, deliverables 1 and 5): a client's phone or a guarantee,
// hidden in a brief by any mix of encodings the renderer decodes (Markdown soft breaks, emphasis,
// inline code, numeric and named character references, zero-width spaces, YAML \u escapes,
// folded scalars), is rejected, and the finding points at the characters typed. Most runs check
// the decoded layer without rendering; a few render and compare with satori's drawn text nodes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plan } from '../../pipeline/plan/plan.ts';
import { lintContextOf } from '../../pipeline/batch.ts';
import { generatedSpans, lintMapped, uncoveredTexts } from '../../pipeline/check/texts.ts';
import { SourceText } from '../../pipeline/load/source.ts';
import type { TextSpan } from '../../pipeline/model.ts';
import { briefSource, gate, KNOWLEDGE, loadBrief } from './helpers.ts';
import { maskDigits } from '../../pipeline/load/mask.ts';
import { runJob } from '../../pipeline/batch.ts';
import { sampleJob } from '../helpers/jobs.ts';

/** a mobile number, some digits full-width (１３８…): the linter's normalisation meets the decoders' */
const PHONE = fc
  .tuple(fc.constantFrom('13', '15', '18', '19'), fc.stringMatching(/^[0-9]{9}$/), fc.array(fc.boolean(), { minLength: 11, maxLength: 11 }))
  .map(([a, b, wide]) => [...`${a}${b}`].map((d, i) => (wide[i] ? String.fromCharCode(d.charCodeAt(0) + 0xfee0) : d)).join(''));
const CLAIM = fc.constant('保本保息');

/** An encoded secret: the source text and where each of the secret's characters is encoded in it. */
interface Encoded {
  src: string;
  units: number[];
}

/** Markdown encodings of one character: as typed, decimal or hex reference, or a named one where HTML has it. */
const NAMED: Record<string, string> = { '0': '&#x30;' };
function mdChar(ch: string, how: number): string {
  const cp = ch.codePointAt(0)!;
  return how === 1 ? `&#${cp};` : how === 2 ? `&#x${cp.toString(16).toUpperCase()};` : how === 3 ? (NAMED[ch] ?? `&#${cp};`) : ch;
}

/**
 * A body encoding: the secret cut into chunks; a chunk is plain, **strong**, *emphasised* or
 * `code` (code chunks are typed plainly: references are not decoded inside code); characters of
 * plain chunks may be references; between chunks a zero-width space (as a reference), or a soft
 * line break where it is harmless (anywhere in Chinese, at the 3-4-4 grouping of a phone).
 */
const bodyEncoding = (secret: string) =>
  fc.record({
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: secret.length - 1 }), { maxLength: 4 }),
    wraps: fc.array(fc.constantFrom('', '**', '*', '`'), { minLength: 5, maxLength: 5 }),
    hows: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: secret.length, maxLength: secret.length }),
    seps: fc.array(fc.constantFrom('', '&#8203;', '&ZeroWidthSpace;', '\n'), { minLength: 5, maxLength: 5 }),
  }).map(({ cuts, wraps, hows, seps }): Encoded => {
    const bounds = [0, ...cuts.sort((a, b) => a - b), secret.length];
    const digits = /^[0-9０-９]+$/.test(secret);
    let src = '';
    const units: number[] = [];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const [from, to] = [bounds[k]!, bounds[k + 1]!];
      if (k > 0) {
        const sep = seps[k]!;
        src += sep === '\n' && digits && from !== 3 && from !== 7 ? '' : sep;
      }
      // delimiters touching the previous chunk's would merge (`a``b`, *a***b**): the second chunk stays plain
      const touching = k > 0 && src.length > 0 && /[*`]$/.test(src);
      const wrap = touching ? '' : wraps[k]!;
      src += wrap;
      for (let i = from; i < to; i++) {
        units.push(src.length);
        // emphasis needs plain characters at its edges to open and close; code shows references as typed
        const plain = wrap === '`' || (wrap !== '' && (i === from || i === to - 1));
        src += plain ? secret[i]! : mdChar(secret[i]!, hows[i]!);
      }
      src += wrap;
    }
    return { src, units };
  });

/** A YAML encoding: a double-quoted scalar with \u / \x escapes, or a folded block scalar over several lines. */
const yamlEncoding = (secret: string, indent: string) =>
  fc.oneof(
    fc.array(fc.integer({ min: 0, max: 2 }), { minLength: secret.length, maxLength: secret.length }).map((hows): Encoded => {
      let src = '"';
      const units: number[] = [];
      [...secret].forEach((ch, i) => {
        units.push(src.length);
        const cp = ch.codePointAt(0)!;
        src += hows[i] === 1 ? `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}` : hows[i] === 2 && cp < 256 ? `\\x${cp.toString(16).padStart(2, '0')}` : ch;
      });
      return { src: `${src}"`, units };
    }),
    fc.uniqueArray(fc.integer({ min: 1, max: secret.length - 1 }), { maxLength: 3 }).map((cuts): Encoded => {
      const digits = /^[0-9０-９]+$/.test(secret);
      const breaks = new Set(cuts.filter((c) => !digits || c === 3 || c === 7));
      let src = `>-\n${indent}`;
      const units: number[] = [];
      [...secret].forEach((ch, i) => {
        if (breaks.has(i)) src += `\n${indent}`;
        units.push(src.length);
        src += ch;
      });
      return { src, units };
    }),
  );

type Place = 'body' | 'title' | 'subtitle' | 'caption' | 'chart.unit';

interface Planted {
  source: string;
  rel: string;
  /** file offsets where each character of the secret is encoded */
  units: number[];
  rule: string;
  field: string;
}

const REPORT_REL = 'weeks/2026-W48/xihu/thu-weekly-report.md';

function plant(secret: string, place: Place, body: Encoded, yaml: Encoded): Planted {
  const rule = /^[0-9０-９]+$/.test(secret) ? 'pii-phone' : 'guarantee';
  const lead = rule === 'pii-phone' ? '客户电话' : '本产品承诺';
  const report = place === 'chart.unit';
  const front = report
    ? ['persona: xihu/manager-chen', 'kind: weekly-report', 'day: thu', 'title: 财富健康周报', 'chart:', '  type: bar']
    : [...KNOWLEDGE, ...(place === 'title' ? [] : ['title: 拆迁款到手，先做好这三件事'])];
  let head: string;
  let enc: Encoded;
  let tail: string;
  if (place === 'body') {
    head = `${briefSource(front, '')}街坊们，${lead}`;
    enc = body;
    tail = '，欢迎咨询。\n';
  } else if (report) {
    // the unit holds the lead and the secret: a quoted or folded scalar of its own
    const quoted = yaml.src.startsWith('"');
    const shifted: Encoded = quoted
      ? { src: `"${lead}${yaml.src.slice(1)}`, units: yaml.units.map((u) => u + lead.length) }
      : { src: yaml.src.replace('>-\n    ', `>-\n    ${lead}`), units: yaml.units.map((u) => u + lead.length) };
    head = `---\n${front.join('\n')}\n  unit: `;
    enc = shifted;
    tail = ['', '  source: 西湖支行本周咨询登记汇总', '  data:', '    - { label: 养老规划, value: 46 }', '    - { label: 教育金, value: 31 }', '---', '本周咨询汇总。', ''].join('\n');
  } else {
    const quoted = yaml.src.startsWith('"');
    const withLead: Encoded = quoted
      ? { src: `"${lead}${yaml.src.slice(1)}`, units: yaml.units.map((u) => u + lead.length) }
      : { src: yaml.src.replace('>-\n  ', `>-\n  ${lead}`), units: yaml.units.map((u) => u + lead.length) };
    head = `---\n${front.join('\n')}\n${place}: `;
    enc = withLead;
    tail = '\n---\n正文。\n';
  }
  const source = head + enc.src + tail;
  return { source, rel: report ? REPORT_REL : 'weeks/2026-W48/xihu/wed-relocation-funds.md', units: enc.units.map((u) => head.length + u), rule, field: place };
}

const planted = fc
  .record({ secret: fc.oneof(PHONE, CLAIM), place: fc.constantFrom<Place>('body', 'title', 'subtitle', 'caption', 'chart.unit') })
  .chain(({ secret, place }) =>
    fc.record({ body: bodyEncoding(secret), yaml: yamlEncoding(secret, place === 'chart.unit' ? '    ' : '  ') }).map(({ body, yaml }) => plant(secret, place, body, yaml)),
  );

async function decodedGate(p: Planted) {
  const { content, brief, problems } = await loadBrief(p.source, p.rel);
  expect(problems, p.source).toEqual([]);
  const job = plan(content).find((j) => j.brief.id === brief!.id && j.branch === 'xihu')!;
  const spans: TextSpan[] = [...job.brief.spans, ...generatedSpans(job)];
  return { spans, findings: lintMapped(spans, lintContextOf(content)) };
}

describe('the gate under any mix of encodings (fast-check)', () => {
  it('rejects a phone or 保本保息 hidden by any encoding, and points inside what was typed for it', async () => {
    await fc.assert(
      fc.asyncProperty(planted, async (p) => {
        const { findings } = await decodedGate(p);
        const hit = findings.find((f) => f.ruleId === p.rule && f.field === p.field && f.severity === 'error');
        expect(hit, `${p.rule} in ${p.field} of:\n${p.source}`).toBeDefined();
        // the finding starts exactly where one of the secret's characters is typed (or its lead)
        const src = new SourceText('x', p.source);
        const starts = p.units.map((u) => src.position(u));
        const first = starts[0]!;
        const at = { line: hit!.line, column: hit!.column };
        const inside = starts.some((s) => s.line === at.line && s.column === at.column) || (at.line === first.line && at.column < first.column && at.column >= first.column - 5);
        expect(inside, `finding at ${at.line}:${at.column}, secret typed at ${starts.map((s) => `${s.line}:${s.column}`).join(' ')}\n${p.source}`).toBe(true);
        if (p.rule === 'pii-phone') expect(hit!.excerpt).not.toMatch(/\d{5}/);
      }),
      { numRuns: 120, seed: Number(process.env.WENDU_FC_SEED ?? 1212) },
    );
  });

  it('maps every decoded character typed as itself back to exactly that character', async () => {
    await fc.assert(
      fc.asyncProperty(planted, async (p) => {
        const { spans } = await decodedGate(p);
        const src = new SourceText('x', p.source);
        const lines = p.source.split('\n');
        for (const span of spans) {
          if (!span.map) continue;
          expect(span.map).toHaveLength(span.text.length);
          span.map.forEach((r, i) => {
            const one = r.start.line === r.end.line && r.end.column === r.start.column + 1;
            if (one && !/\s/.test(span.text[i]!)) expect(lines[r.start.line - 1]![r.start.column - 1], `${span.field}[${i}]`).toBe(span.text[i]);
          });
        }
        expect(src.text).toBe(p.source);
      }),
      { numRuns: 80, seed: Number(process.env.WENDU_FC_SEED ?? 4848) },
    );
  });

  it("covers every string satori draws: brief texts by the decoded spans, everything by what the gate lints", async () => {
    await fc.assert(
      fc.asyncProperty(planted, async (p) => {
        const { result, problems } = await gate(p.source, p.rel);
        expect(problems).toEqual([]);
        expect(result!.failure).toBeUndefined();
        expect(result!.decision.approved).toBe(false);
        const decoded = [...result!.job.brief.spans, ...generatedSpans(result!.job)];
        const fromBrief = result!.drawn.filter((d) => d.field && /^(title|subtitle|body|chart|event|cta|tiles|stickers|segments)\b/.test(d.field));
        expect(fromBrief.length).toBeGreaterThan(0);
        const canvas = (texts: { text: string }[]) => [{ name: 'all', rendered: { nodes: texts.map((t) => ({ text: t.text })) } }] as never;
        // a brief text is drawn as decoded, whole or in lines, or inside a template's label (单位：…)
        const flat = (t: string) => t.replace(/\s+/g, ' ').trim();
        for (const d of fromBrief) {
          const t = flat(d.text);
          expect(decoded.some((s) => s.text.trim() && (flat(s.text).includes(t) || t.includes(flat(s.text)))), `${d.field}: ${d.text}`).toBe(true);
        }
        expect(uncoveredTexts(result!.spans, canvas(result!.drawn))).toEqual([]);
      }),
      { numRuns: 4, seed: 7 },
    );
  });
});

describe('masking and rendering under any input (fast-check)', () => {
  it('masking a load message never leaves a run of seven raw digits, however separated', () => {
    const digits = fc.stringMatching(/^[0-9]{7,19}$/);
    const sep = fc.constantFrom('', ' ', '-');
    fc.assert(
      fc.property(fc.string(), digits, sep, fc.string(), (pre, d, s, post) => {
        const typed = [...d].join(s);
        const masked = maskDigits(`${pre}${typed}${post}`);
        expect(masked.replace(/[ -]/g, '')).not.toContain(d);
      }),
      { numRuns: 300, seed: 99 },
    );
  });

  it('any printable Unicode title renders, or yields missing-glyph: never a crash', async () => {
    const printable = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }).filter((t) => t.trim() !== '' && !/[\p{Cc}\p{Cs}\p{Co}\p{Cn}]/u.test(t));
    await fc.assert(
      fc.asyncProperty(printable, async (title) => {
        const input = await sampleJob('xihu/wed-relocation-funds', 'xihu', { title });
        const result = await runJob(input.job, { ...input, warning: '' });
        expect(result.failure, JSON.stringify(title)).toBeUndefined();
        expect(result.files.length).toBeGreaterThan(0);
        for (const f of result.findings) expect(['missing-glyph', 'text-overflow', 'safe-zone']).toContain(f.ruleId);
      }),
      { numRuns: 6, seed: 31 },
    );
  });
});
