// Captions: the text branch staff paste into WeChat beside the images, written by Handlebars
// templates in each persona role's voice (templates/captions/<role>.hbs) from the brief and persona.
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import stringWidth from 'string-width';
import type { Branch, Bank, Brief, Job, Problem, Role } from '../model.ts';
import { ROLES } from '../model.ts';
import { chineseDate } from '../week.ts';

export const CAPTION_TEMPLATES = new URL('../../templates/captions/', import.meta.url);

/** Captions are plain text, not HTML: nothing is escaped, and a brief cannot inject markup anywhere. */
const hbs = Handlebars.create();

hbs.registerHelper('cnDate', (iso: string) => chineseDate(iso));
hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
/** one of the persona's catchphrases, chosen by the brief id so a rebuild picks the same one */
hbs.registerHelper('catchphrase', function (this: CaptionContext) {
  const list = this.persona.catchphrases;
  let h = 0;
  for (const ch of this.briefId) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return list[h % list.length] ?? '';
});
hbs.registerHelper('signature', function (this: CaptionContext) {
  return `—— ${this.persona.name}｜${this.persona.title}\n${this.persona.signature}`;
});

export interface CaptionContext {
  briefId: string;
  kind: string;
  title: string;
  subtitle?: string;
  caption?: string;
  paragraphs: string[];
  lead: string;
  date: string;
  time: string;
  persona: { name: string; title: string; identity: string; signature: string; catchphrases: string[] };
  branch: Branch;
  bank: Bank;
  /** the exact required risk warning(s) for the brief's product, joined; empty when none */
  warning: string;
  event?: { name: string; date: string; time?: string; place: string };
  link?: string;
  cta?: string;
  stickers?: string[];
}

let compiled: Map<Role, Handlebars.TemplateDelegate<CaptionContext>> | undefined;
function templates() {
  // compiled once per process: templates are data read from disk at the edge of the stage
  compiled ??= new Map(
    ROLES.map((role) => [role, hbs.compile<CaptionContext>(readFileSync(new URL(`${role}.hbs`, CAPTION_TEMPLATES), 'utf8'), { noEscape: true, strict: false })]),
  );
  return compiled;
}

export function captionContext(job: Job, branch: Branch, bank: Bank, warning: string): CaptionContext {
  const f = job.brief.fields;
  return {
    briefId: job.brief.id,
    kind: f.kind,
    title: f.title,
    subtitle: f.subtitle,
    caption: f.caption,
    paragraphs: job.brief.paragraphs,
    lead: job.brief.paragraphs[0] ?? '',
    date: job.date,
    time: job.time,
    persona: { ...job.persona, catchphrases: job.persona.personality.catchphrases },
    branch,
    bank,
    warning,
    event: f.event,
    link: f.link,
    cta: f.cta,
    stickers: f.stickers,
  };
}

/** The caption for one job, with blank-line runs collapsed so templates can stay readable. */
export function caption(ctx: CaptionContext, role: Role): string {
  return templates()
    .get(role)!(ctx)
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * WeChat Moments folds a post's text after about six lines and shows 全文 to open the rest. The
 * lines are the screen's: a caption line longer than the column wraps. At the default font on a
 * 390-pt-wide phone the text column holds about 18 CJK characters (36 columns, a CJK character or
 * an emoji taking 2, a Latin letter or digit 1); the estimate errs towards more lines.
 */
export const MOMENTS_FOLD_LINES = 6;
export const MOMENTS_LINE_COLUMNS = 36;

/** How many screen lines `text` takes in the feed. */
export function momentsLines(text: string): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(stringWidth(line) / MOMENTS_LINE_COLUMNS)), 0);
}

/** A caption problem, located like the gate's findings (the brief field it comes from). */
export interface CaptionFinding extends Problem {
  field: string;
  excerpt: string;
  waivable: false;
}

/**
 * `caption-fold`: the required risk warning would be folded away — it does not end within the
 * first six screen lines of a caption longer than six lines. Located at the brief's `product`
 * field (what makes the warning required) when the brief is given, else at the file's top.
 */
export function captionFoldFindings(caption: string, warning: string, brief: string | Pick<Brief, 'file' | 'spans'>): CaptionFinding[] {
  if (!warning || momentsLines(caption) <= MOMENTS_FOLD_LINES) return [];
  const at = caption.indexOf(warning);
  if (at < 0) return []; // a missing warning is missing-risk-warning's finding, not this one
  const upTo = momentsLines(caption.slice(0, at + warning.length));
  if (upTo <= MOMENTS_FOLD_LINES) return [];
  const file = typeof brief === 'string' ? brief : brief.file;
  const product = typeof brief === 'string' ? undefined : brief.spans.find((s) => s.field === 'product' && s.start);
  return [
    {
      file,
      line: product?.start?.line ?? 1,
      column: product?.start?.column ?? 1,
      severity: 'error',
      ruleId: 'caption-fold',
      field: 'caption',
      excerpt: warning,
      waivable: false,
      message: `朋友圈文案超过 ${MOMENTS_FOLD_LINES} 行会被折叠，风险提示「${warning}」在第 ${upTo} 行才结束，读者不点“全文”就看不到：把风险提示移到前 ${MOMENTS_FOLD_LINES} 行内，或缩短文案`,
    },
  ];
}
