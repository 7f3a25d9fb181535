// The content model as schemas: what branches.yaml, a persona, a brief and approvals.yaml may say.
// Every object is strict, so a misspelt key is an error rather than a silently ignored field.
import { z } from 'zod';
import { KINDS, ROLES, WEEKDAYS, type Kind } from '../model.ts';

const text = z.string().trim().min(1, 'Expected a non-empty text');
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Expected a colour like #C8102E');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time as HH:MM (24-hour), like 09:30');
/** YYYY-MM-DD naming a day that exists (2026-13-45 and 2026-11-31 do not) */
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, 'Expected a real calendar date (month 01–12, a day the month has)');
/** a file inside the content folder, checked for existence by the loader */
const contentPath = z.string().trim().min(1);

export const branchesSchema = z.strictObject({
  bank: z.strictObject({ name: text, hotline: z.string().regex(/^95\d{3}$/, 'Expected a 95xxx service hotline') }),
  branches: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'Expected a lower-case id like xihu'),
        name: text,
        city: text,
        colors: z.strictObject({ primary: colour, accent: colour, ink: colour.optional(), paper: colour.optional() }),
        contact: z.strictObject({ phone: text, address: text, hours: text.optional() }),
        tags: z.array(text).optional(),
      }),
    )
    .min(1),
});

export const personaSchema = z.strictObject({
  name: text,
  role: z.enum(ROLES),
  title: text,
  avatar: contentPath.optional(),
  identity: text,
  signature: text,
  personality: z.strictObject({ tone: text, catchphrases: z.array(text).min(1) }),
});

const common = {
  persona: text,
  kind: z.enum(KINDS),
  day: z.enum(WEEKDAYS),
  time: time.optional(),
  title: text,
  subtitle: text.optional(),
  segments: z.array(text).optional(),
  product: z.enum(['wealth', 'fund']).optional(),
  caption: text.optional(),
};

const mascot = z.strictObject({ pose: text, expression: text.optional(), sign: text.optional() });
const link = z
  .string()
  .trim()
  .regex(/^https:\/\/[^\s]+$/, 'Expected an https:// sign-up link');

/** Fields each kind adds to the common ones. */
const KIND_FIELDS = {
  moments: {},
  'photo-moments': {
    photo: contentPath,
    blur: z.array(z.strictObject({ x: z.number().min(0), y: z.number().min(0), width: z.number().positive(), height: z.number().positive() })).optional(),
  },
  'nine-grid': {
    photos: z.array(contentPath).length(8, 'Expected 8 photos around the centre tile').optional(),
    tiles: z.array(text).max(9).optional(),
  },
  poster: { link, cta: text, mascot: mascot.optional() },
  invitation: {
    event: z.strictObject({ name: text, date, time: time.optional(), place: text }),
    link: link.optional(),
    mascot: mascot.optional(),
  },
  'knowledge-card': {},
  'story-card': {},
  'weekly-report': {
    chart: z.strictObject({
      type: z.enum(['bar', 'line']),
      unit: z.string(),
      source: text,
      data: z.array(z.strictObject({ label: text, value: z.number() })).min(2).max(12),
    }),
  },
  'sticker-pack': {
    stickers: z.array(text).min(8, 'Expected at least 8 sticker phrases'),
    weather: text.optional(),
    mascot: mascot.optional(),
  },
} satisfies Record<Kind, z.ZodRawShape>;

const BRIEF_SCHEMAS = Object.fromEntries(
  KINDS.map((kind) => [kind, z.strictObject({ ...common, ...KIND_FIELDS[kind] })]),
) as unknown as Record<Kind, z.ZodType>;

/** The frontmatter schema for a brief of `kind`; a brief whose kind is unknown is checked against the common fields. */
export function briefSchema(kind: unknown): z.ZodType {
  return (KINDS as readonly unknown[]).includes(kind) ? BRIEF_SCHEMAS[kind as Kind] : z.object(common);
}

/** Frontmatter keys that name things rather than say things: not linted, not drawn. */
export const NON_TEXT_KEYS = new Set(['persona', 'kind', 'day', 'time', 'product', 'photo', 'photos', 'blur', 'pose', 'expression', 'type', 'unit', 'value', 'date']);

export const approvalsSchema = z.strictObject({
  waivers: z
    .array(
      z.strictObject({
        brief: text,
        rule: text,
        textHash: z.string().regex(/^[0-9a-f]{64}$/, 'Expected the sha256 (64 hex digits) of the waived text'),
        reviewer: text,
        date,
        reason: text,
      }),
    )
    .default([]),
});
