// The typed vocabulary every stage shares. Stages are functions from these types to these types;
// only pipeline/cli touches the disk, the clock and the environment.

/** A position in a source file, 1-based, in the file as given (never in a normalised copy). */
export interface Position {
  line: number;
  column: number;
}

/** A problem with a location: what every stage reports and every formatter prints. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: 'error' | 'warning' | 'info';
  /** stable id: `load/unknown-key`, `guarantee`, `text-overflow`, … */
  ruleId: string;
  message: string;
}

/** A range of a source file: `start` inclusive, `end` exclusive. */
export interface SourceRange {
  start: Position;
  end: Position;
}

/**
 * A piece of text that ships with an asset, as the linter and the approval gate see it.
 * When `start` is set, `text` is an exact slice of `file` beginning there, so an offset in `text`
 * maps back to a line and column of the file; generated texts (captions, labels) have no `start`.
 * A *decoded* text (Markdown, character references and YAML escapes decoded, as templates draw it)
 * has no `start` but a `map`: `map[i]` is the source range the unit `text[i]` came from.
 */
export interface TextSpan {
  /** where the text is used: `title`, `body`, `subtitle`, `caption`, `image:headline`, … */
  field: string;
  text: string;
  file: string;
  start?: Position;
  /** for decoded texts: the source range of every UTF-16 unit of `text` (same length as `text`) */
  map?: SourceRange[];
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const KINDS = [
  'moments',
  'photo-moments',
  'nine-grid',
  'poster',
  'invitation',
  'knowledge-card',
  'story-card',
  'weekly-report',
  'sticker-pack',
] as const;
export type Kind = (typeof KINDS)[number];

export const ROLES = ['president', 'wealth-manager', 'mascot'] as const;
export type Role = (typeof ROLES)[number];

export interface Bank {
  name: string;
  /** the bank's public service hotline (95xxx) */
  hotline: string;
}

export interface Branch {
  id: string;
  name: string;
  city: string;
  colors: { primary: string; accent: string; ink: string; paper: string };
  contact: { phone: string; address: string; hours?: string };
  /** the audience tags (WeCom client tags) the branch uses; a brief's `segments` must be among them */
  tags?: string[];
}

/** A persona on the playbook's six dimensions, plus its role and where it was defined. */
export interface Persona {
  /** `xiao-u` for the shared mascot, `<branch>/<file>` for branch personas */
  id: string;
  /** branch id, or undefined for the mascot shared by every branch */
  branch?: string;
  role: Role;
  name: string;
  /** path relative to the content folder, or undefined (an initial-letter badge is drawn) */
  avatar?: string;
  /** the non-financial social identity: 跑者, 摄影爱好者, 家常菜高手 … */
  identity: string;
  /** one line that closes every caption */
  signature: string;
  /** the job title shown on badges: 西湖支行行长, 理财经理 … */
  title: string;
  personality: { tone: string; catchphrases: string[] };
  story: string;
  file: string;
  /** sha256 of the persona file: part of every job's cache key */
  hash: string;
}

export interface ChartPoint {
  label: string;
  value: number;
}

export interface ChartSpec {
  type: 'bar' | 'line';
  unit: string;
  /** the aggregate, non-personal data drawn */
  data: ChartPoint[];
  /** where the numbers come from (广告法 Art. 11: quoted data states its source) */
  source: string;
}

export interface MascotSpec {
  pose: string;
  expression?: string;
  /** text on the sign, for the `sign` pose */
  sign?: string;
}

export interface EventSpec {
  name: string;
  date: string;
  time?: string;
  place: string;
}

export interface BlurRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The frontmatter of a brief after validation. Fields beyond the common ones depend on `kind`. */
export interface BriefFields {
  persona: string;
  kind: Kind;
  day: Weekday;
  /** HH:MM, 24-hour */
  time?: string;
  title: string;
  subtitle?: string;
  segments?: string[];
  /** declares product content: the required risk warning is drawn and captioned */
  product?: 'wealth' | 'fund';
  /** an extra line for the caption, in the persona's voice */
  caption?: string;
  /** photo-moments: a photo inside content/ */
  photo?: string;
  blur?: BlurRegion[];
  /** nine-grid: the 8 photos around the centre tile, in posting order */
  photos?: string[];
  /** nine-grid: the nine tiles' short texts, in posting order */
  tiles?: string[];
  /** poster: the sign-up link drawn as a QR code, and the call to action */
  link?: string;
  cta?: string;
  event?: EventSpec;
  mascot?: MascotSpec;
  chart?: ChartSpec;
  /** sticker-pack: phrases lettered on the stickers */
  stickers?: string[];
  /** sticker-pack: the weather line for morning stickers */
  weather?: string;
}

export interface Brief {
  /** stable id: the path below the week folder without `.md`, e.g. `xihu/mon-morning-meeting` */
  id: string;
  /** path as given to the loader (relative to the working directory) */
  file: string;
  week: string;
  /** the branch folder, or `_all` for briefs every branch gets */
  scope: string;
  fields: BriefFields;
  /** the Markdown body as written (exact slice of the file) and where it starts */
  body: string;
  bodyStart: Position;
  /** plain paragraphs of the body, Markdown syntax removed: what templates draw */
  paragraphs: string[];
  /**
   * every text of the brief as templates draw it (decoded, with `map` back to the source):
   * frontmatter strings and the body's paragraphs
   */
  spans: TextSpan[];
  /** sha256 of the brief file's bytes */
  hash: string;
  /** where file references are typed (`photo`, `photos.3`, `persona`), for problems found later (a photo that does not decode) */
  refs?: Record<string, Position>;
}

export interface Waiver {
  brief: string;
  rule: string;
  /** sha256 (hex) of the exact text the finding was on: editing the text revives the finding */
  textHash: string;
  reviewer: string;
  date: string;
  reason: string;
}

/** Everything the loader produced for one week: what loaded, and the located problems of what did not. */
export interface Content {
  root: string;
  week: string;
  bank: Bank;
  branches: Branch[];
  personas: Map<string, Persona>;
  briefs: Brief[];
  waivers: Waiver[];
  problems: Problem[];
}

/** One asset to make: a brief for one branch. */
export interface Job {
  /** stable across runs: `<week>:<branch>:<brief id>` */
  id: string;
  week: string;
  branch: string;
  brief: Brief;
  persona: Persona;
  /** posting date, ISO `YYYY-MM-DD`, and time `HH:MM` */
  date: string;
  time: string;
  /** posting order within the branch's week, 1-based */
  order: number;
  /** sha256 over everything that affects the output of this job */
  hash: string;
}
