// What the reviewers' report and the branch portal show: plain data the build assembles, so the
// HTML writers are pure functions of it (and testable with fixtures). Every text here has client
// details already masked: a client detail never leaves the source brief in full.

export type AssetStatus = 'approved' | 'waived' | 'rejected';

export interface ReportFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** the law and article behind the rule, e.g. 《广告法》第二十五条 */
  basis: string;
  suggestion?: string;
  /** where: the brief file and position, and which text (title, body, caption, image:…) */
  file: string;
  line: number;
  column: number;
  field: string;
  /** the flagged characters (masked when they are a client detail) */
  excerpt: string;
  /** open: blocks the asset; waived: a reviewer accepted it; unwaivable: PII, never waivable */
  status: 'open' | 'waived' | 'unwaivable' | 'info';
  /** sha256 of the exact text the finding is in: what a waiver in approvals.yaml names */
  textHash?: string;
  waiver?: { reviewer: string; date: string; reason: string };
}

export interface ReportText {
  field: string;
  /** the text as shipped, client details masked */
  text: string;
  /** character ranges [start, end) of `text` to highlight, each pointing at findings[index] */
  highlights: { start: number; end: number; finding: number }[];
}

export interface ReportAsset {
  /** the job id, `2026-W48:xihu:xihu/wed-relocation-funds` */
  id: string;
  branch: string;
  branchName: string;
  brief: string;
  file: string;
  kind: string;
  persona: string;
  title: string;
  /** `11月25日 周三 10:00` */
  slot: string;
  status: AssetStatus;
  /** thumbnail images, paths relative to the report's index.html */
  thumbnails: string[];
  texts: ReportText[];
  findings: ReportFinding[];
  /** the post as the Moments feed shows it (caption masked like the texts) */
  moments?: import('./moments.ts').MomentsPost;
  /** audience tags of the post; empty: every client */
  segments?: string[];
  /** for product posts: on which displayed caption line the required warning ends, and whether Moments folds it away (line 0: missing) */
  warningFold?: { line: number; folded: boolean };
  /** full-size images for reading (same order as `thumbnails`), relative to the report */
  fullImages?: string[];
}

export interface ReportData {
  week: string;
  /** the rule-set version (hash of the rules) the decisions were made under */
  ruleset: string;
  assets: ReportAsset[];
  /** waivers in approvals.yaml that match no finding any more */
  staleWaivers: { brief: string; rule: string; reviewer: string; date: string; reason: string }[];
  /** briefs that could not be loaded or rendered: located messages */
  problems: { file: string; line: number; column: number; message: string; ruleId: string }[];
}

export interface PortalBranch {
  id: string;
  name: string;
  city: string;
  /** approved assets in the bundle */
  assets: number;
  rejected: number;
  /** the bundle, relative to the portal's index.html; absent when nothing was approved */
  bundle?: { path: string; bytes: number; sha256: string };
  /** preview images, relative to the portal's index.html */
  thumbnails: string[];
  colors: { primary: string; accent: string };
  /** the branch page for a phone, relative to the portal (`xihu/index.html`) */
  page?: string;
}

/** Per audience tag: what its clients will see this week, branch by branch. */
export interface PortalTag {
  tag: string;
  branches: { id: string; name: string; posts: { order: number; title: string; slot: string }[] }[];
}

export interface PortalData {
  week: string;
  /** `11月23日 – 11月29日` */
  range: string;
  bank: string;
  ruleset: string;
  branches: PortalBranch[];
  tags?: PortalTag[];
  /** head office's public key beside the portal, and its fingerprint */
  publicKey?: { path: string; fingerprint: string };
}

/** An image of a post on the branch page: path relative to the branch folder. */
export interface PageImage {
  path: string;
  width: number;
  height: number;
}

/**
 * How staff use a post: `post` — the images (≤ 9) go into one Moments post together, in order;
 * `pick-one` — the images are sizes of one card, post exactly one (二选一); `stickers` — not a post,
 * the stickers are saved to WeChat's stickers.
 */
export type PostMode = 'post' | 'pick-one' | 'stickers';

/** What a post says and when it goes out: the same in the bundle (BundlePost) and on the branch page. */
export interface PostText {
  /** posting order within the branch's week, 1-based */
  order: number;
  title: string;
  kind: string;
  persona: string;
  personaTitle?: string;
  /** the persona's avatar, relative to the branch folder (`avatars/…jpg`) */
  avatar?: string;
  date: string;
  time: string;
  /** the exact text to paste */
  caption: string;
  /** the audience tags who may see the post (the WeCom visible range); empty: every client */
  segments: string[];
  mode: PostMode;
}

/** A post as the branch page shows it; `posts.json` in every bundle holds these. */
export interface PagePost extends PostText {
  brief: string;
  images: PageImage[];
  stickers?: { name: string; still: PageImage; animated: PageImage[] }[];
}

/** The branch page's data (`posts.json`): public, approved posts only. */
export interface BranchPageData {
  week: string;
  /** `11月23日 – 11月29日` */
  range: string;
  bank: string;
  branch: { id: string; name: string; city: string; colors: { primary: string; accent: string }; tags: string[] };
  posts: PagePost[];
  /** the zip, relative to the branch folder (`../bundles/xihu.zip`) */
  zip: string;
}
