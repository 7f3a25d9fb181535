// The render cache's key: a sha256 over exactly what affects a job's pixels (and the visual
// checks read off them) — the kind's inputs (the brief's drawn fields, the persona as drawn, the
// branch's brand, the required warning, the posting date), the templates and partials the kind
// fills, the fonts, 小U's art where the kind draws it, the bytes of the photos and avatar it reads,
// and Wendu's version with the render options. Nothing else: not the job id, the posting order,
// the branch id of a sticker pack, the caption, the audience tags or the rules — those are judged
// after rendering, every run. Pure: no disk, no clock.
import { createHash } from 'node:crypto';
import type { Bank, Branch, Job } from '../model.ts';
import type { AssetHashes } from '../assets/index.ts';
import { JPEG_QUALITY, KIND_LAYOUTS } from '../render/canvases.ts';

/** Bump when the engine's output changes for the same inputs (a new fitting rule, a new encoder setting). */
export const RENDER_VERSION = 3;

/** The options that change pixels or encoded bytes; part of the engine fingerprint. */
export const RENDER_OPTIONS = { jpegQuality: JPEG_QUALITY, chroma: '4:4:4', huffman: 'standard' } as const;

/** What a key is made of, part by part: the planner compares parts to say why a job re-renders. */
export interface KeyParts {
  /** Wendu's version, RENDER_VERSION and RENDER_OPTIONS */
  engine: string;
  kind: string;
  /** sha256 of the kind's inputs (brief fields as drawn, persona as drawn, brand, warning, date) */
  inputs: string;
  /** template name → hash (covering its partials), for the templates the kind fills */
  templates: Record<string, string>;
  fonts: string;
  /** '' for kinds that do not draw 小U */
  mascot: string;
  /** content file path → sha256 of its bytes (photos, the avatar) */
  files: Record<string, string>;
}

export interface KeyInput {
  job: Pick<Job, 'brief' | 'persona' | 'date' | 'time'>;
  branch: Branch;
  bank: Bank;
  /** the exact risk warning the image must draw ('' when none) */
  warning: string;
  assets: AssetHashes;
  /** sha256 of each content file the job reads, by path relative to the content folder */
  fileHashes: Readonly<Record<string, string>>;
  /** `wendu <version>` */
  version: string;
}

const hash = (value: unknown) => createHash('sha256').update(stableJson(value)).digest('hex');

/** JSON with object keys sorted, so the same value always hashes the same. */
export function stableJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

/** The content files a job reads: its kind's photos and, where the persona is drawn, the avatar. */
export function contentFilesOf(job: Pick<Job, 'brief' | 'persona'>): string[] {
  const layout = KIND_LAYOUTS[job.brief.fields.kind];
  const files = [...layout.files(job.brief.fields)];
  if (layout.persona && job.persona.avatar) files.push(job.persona.avatar);
  return [...new Set(files)].sort();
}

/** The values a kind's image is drawn from. A sticker pack draws its phrases in the brand's colours, nothing of the branch or persona. */
export function kindInputs(input: Pick<KeyInput, 'job' | 'branch' | 'bank' | 'warning'>): unknown {
  const { job, branch, bank, warning } = input;
  const f = job.brief.fields;
  if (f.kind === 'sticker-pack') return { stickers: f.stickers, weather: f.weather, mascot: f.mascot, colors: branch.colors, warning };
  // fields that never reach the image: who the persona is (drawn below as its values), the day
  // (drawn as `date`), the product (drawn as `warning`), the caption line and the audience tags
  const { persona: _persona, day: _day, product: _product, caption: _caption, segments: _segments, ...drawn } = f;
  const p = job.persona;
  return {
    fields: drawn,
    paragraphs: job.brief.paragraphs,
    persona: { name: p.name, title: p.title, identity: p.identity, signature: p.signature, role: p.role, avatar: p.avatar ?? null },
    // the branch as templates draw it: not its id or audience tags
    branch: { name: branch.name, city: branch.city, colors: branch.colors, contact: branch.contact },
    bank,
    warning,
    date: job.date,
    time: job.time,
  };
}

export function keyParts(input: KeyInput): KeyParts {
  const kind = input.job.brief.fields.kind;
  const layout = KIND_LAYOUTS[kind];
  const templates: Record<string, string> = {};
  for (const t of layout.templates) templates[t] = input.assets.templates[t] ?? 'missing';
  const files: Record<string, string> = {};
  for (const path of contentFilesOf(input.job)) files[path] = input.fileHashes[path] ?? 'missing';
  return {
    engine: hash({ version: input.version, render: RENDER_VERSION, options: RENDER_OPTIONS }),
    kind,
    inputs: hash(kindInputs(input)),
    templates,
    fonts: input.assets.fonts,
    mascot: layout.mascot ? input.assets.mascot : '',
    files,
  };
}

export const keyOf = (parts: KeyParts): string => hash(parts);
