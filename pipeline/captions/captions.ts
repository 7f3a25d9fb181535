// Captions: the text branch staff paste into WeChat beside the images, written by Handlebars
// templates in each persona role's voice (templates/captions/<role>.hbs) from the brief and persona.
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { Branch, Bank, Job, Role } from '../model.ts';
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
