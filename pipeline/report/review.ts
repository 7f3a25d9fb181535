// The reviewers' side of a branch's outcome: every asset (approved or not) with its decision, its
// texts masked, its thumbnails and its Moments preview — written to review/outcomes/<branch>.json,
// so the report can be rebuilt from what is on disk. Thumbnails are made here (CPU only).
import sharp from 'sharp';
import { dataUri } from '../render/data-uri.ts';
import type { JobResult } from '../batch.ts';
import type { Branch } from '../model.ts';
import { reportAsset, type AssetOutcome } from './assemble.ts';
import type { ReportAsset } from './model.ts';
import { REQUIRED_WARNINGS } from '../lint/warnings.ts';
import { foldOf } from './moments.ts';

export interface BranchOutcome {
  week: string;
  ruleset: string;
  branch: { id: string; name: string; city: string; colors: { primary: string; accent: string }; tags: string[] };
  /** the bundle that shipped, if anything was approved */
  bundle?: { sha256: string; bytes: number; signedBy?: string };
  assets: ReportAsset[];
  /**
   * SHA-256 of everything this branch's publishing was made from (see publish's `publishInputs`):
   * a later build with the same inputs leaves the branch's files as they are
   */
  inputs?: string;
}

export interface Thumb {
  /** relative to review/ */
  path: string;
  data: Buffer;
  width: number;
  height: number;
}

const stills = (r: JobResult) => r.files.filter((f) => f.format !== 'gif' && f.format !== 'webp' && !f.path.includes('-thumb')).slice(0, 9);

/** Makes derived image bytes once per source hash and recipe (RenderStore.derived), or each time. */
export type Derive = (source: string, recipe: string, make: () => Promise<Buffer>) => Promise<Buffer>;

/**
 * Images of a result for the report — `thumbs/…` at 480 px, or `full` at their own size for reading
 * the text on them; blurred where the asset holds a client detail. With `derive`, an image whose
 * bytes were seen before (a re-run, an unchanged asset) is not encoded again.
 */
export async function reviewThumbs(r: JobResult, full = false, derive?: Derive): Promise<Thumb[]> {
  const pii = r.decision.judged.some((j) => j.status === 'unwaivable');
  const out: Thumb[] = [];
  for (const f of stills(r)) {
    const path = `${full ? 'images' : 'thumbs'}/${r.job.branch}/${f.path.replace(/^images\//, '').replace(/\.\w+$/, '.jpg')}`;
    const width = full ? 1080 : 480;
    const blur = pii ? (full ? 28 : 14) : 0;
    const make = async () => {
      let img = sharp(f.data).resize({ width, withoutEnlargement: true }).flatten({ background: '#ffffff' });
      if (blur) img = img.blur(blur);
      return img.jpeg({ quality: 80 }).toBuffer();
    };
    // a full-size copy of a JPEG that needs no blur is the very image: its bytes, not a re-encode
    if (full && !blur && f.format === 'jpeg' && f.width <= width) {
      out.push({ path, data: f.data, width: f.width, height: f.height });
      continue;
    }
    const data = derive && f.sha256 ? await derive(f.sha256, `review ${width} q80 blur${blur}`, make) : await make();
    const info = await sharp(data).metadata();
    out.push({ path, data, width: info.width!, height: info.height! });
  }
  return out;
}


/** The outcome of one branch for the reviewers. `thumbs` and `avatars` as made for this run. */
export function branchOutcome(input: {
  week: string;
  ruleset: string;
  branch: Branch & { tags?: string[] };
  results: readonly JobResult[];
  thumbs: ReadonlyMap<JobResult, Thumb[]>;
  /** full-size copies for the reviewers (same order as the thumbnails) */
  full?: ReadonlyMap<JobResult, Thumb[]>;
  avatars: ReadonlyMap<string, Buffer>;
  bundle?: BranchOutcome['bundle'];
}): BranchOutcome {
  const b = input.branch;
  const assets = input.results.map((r) => {
    const thumbs = input.thumbs.get(r) ?? [];
    const o: AssetOutcome = {
      id: r.job.id,
      branch: r.job.branch,
      branchName: b.name,
      briefId: r.job.brief.id,
      file: r.job.brief.file,
      kind: r.job.brief.fields.kind,
      persona: r.job.persona.name,
      title: r.job.brief.fields.title,
      date: r.job.date,
      time: r.job.time,
      spans: r.spans,
      decision: r.decision,
      thumbnails: thumbs.map((t) => t.path),
    };
    const asset = reportAsset(o);
    const avatar = input.avatars.get(r.job.persona.id);
    const caption = asset.texts.find((t) => t.field === 'caption')?.text ?? '';
    // what the feed shows: a sticker pack is not a post; sizes of one card show the first
    const shown = r.job.brief.fields.kind === 'sticker-pack' ? [] : r.job.brief.fields.kind === 'moments' ? thumbs.slice(0, 1) : thumbs;
    asset.moments = {
      name: r.job.persona.name,
      ...(avatar ? { avatar: dataUri('image/jpeg', avatar) } : {}),
      caption,
      images: shown.map((t, i) => ({ src: t.path, width: t.width, height: t.height, alt: `${asset.title} 预览 ${i + 1}` })),
      when: `${r.job.time}`,
    };
    asset.segments = [...(r.job.brief.fields.segments ?? [])];
    const product = r.job.brief.fields.product;
    const warning = product ? REQUIRED_WARNINGS[product] : undefined;
    const fold = warning ? foldOf(r.caption, warning) : undefined;
    if (warning) asset.warningFold = fold ?? { line: 0, folded: true };
    asset.fullImages = (input.full?.get(r) ?? []).map((f) => f.path);
    return asset;
  });
  return {
    week: input.week,
    ruleset: input.ruleset,
    branch: { id: b.id, name: b.name, city: b.city, colors: { primary: b.colors.primary, accent: b.colors.accent }, tags: [...(b.tags ?? [])] },
    ...(input.bundle ? { bundle: input.bundle } : {}),
    assets,
  };
}
