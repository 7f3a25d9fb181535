// What a template sees: the brief's texts, the persona, the branch's brand, the canvas.
// Every value is plain data; images are referenced by name (`asset:NAME`), never by URL.
import type { Bank, Branch, Job } from '../model.ts';
import { chineseDate } from '../week.ts';

export interface Brand {
  primary: string;
  accent: string;
  ink: string;
  paper: string;
  /** secondary text: ink at reduced strength, still ≥ 4.5:1 on paper */
  muted: string;
}

export function brandOf(branch: Branch): Brand {
  return { ...branch.colors, muted: mix(branch.colors.ink, branch.colors.paper, 0.25) };
}

/** `a` moved `t` of the way towards `b`, as #RRGGBB. */
export function mix(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => Number.parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => Number.parseInt(b.slice(i, i + 2), 16));
  return `#${pa.map((v, i) => Math.round(v + (pb[i]! - v) * t).toString(16).padStart(2, '0')).join('')}`;
}

export function templateContext(job: Job, branch: Branch, bank: Bank, warning: string, extra: Record<string, unknown> = {}) {
  const f = job.brief.fields;
  return {
    kind: f.kind,
    title: f.title,
    subtitle: f.subtitle,
    paragraphs: job.brief.paragraphs,
    lead: job.brief.paragraphs[0] ?? '',
    persona: {
      name: job.persona.name,
      title: job.persona.title,
      identity: job.persona.identity,
      signature: job.persona.signature,
      initial: [...job.persona.name][0] ?? '',
      avatar: !!job.persona.avatar,
    },
    branch,
    bank,
    brand: brandOf(branch),
    // the ring on the brand band: white at 8% over the primary colour, as one opaque colour (a
    // translucent rounded border would be clipped, and resvg draws clips through canvas-sized layers)
    band: { ring: mix(branch.colors.primary, '#FFFFFF', 0.08) },
    warning,
    date: job.date,
    dateCn: chineseDate(job.date),
    time: job.time,
    badgeSize: 132,
    ...extra,
  };
}
