// A branch's release: what ships (selected posts), the branch page and posts.json that describe
// them, avatars, the signed manifest and the zip. Pure (CPU only): the command layer writes it.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { JobResult } from '../batch.ts';
import type { Bank, Branch, Persona, Waiver } from '../model.ts';
import type { BranchPageData, PagePost, PageImage } from '../report/model.ts';
import { branchPageHtml } from '../report/branch.ts';
import { bundleFiles, sha256, zipBundle, type BundleFile, type BundleImage, type BundlePost, type Manifest } from './bundle.ts';
import { avatarPath, selectPosts } from './select.ts';
import type { ManifestSignature, SigningKey } from './sign.ts';

export interface BranchRelease {
  branch: string;
  files: BundleFile[];
  manifest: Manifest;
  signature?: ManifestSignature;
  zip: Buffer;
  sha256: string;
  page: BranchPageData;
}

export interface ReleaseInput {
  week: string;
  /** `11月23日 – 11月29日` */
  range: string;
  bank: Bank;
  branch: Branch & { tags?: string[] };
  ruleset: string;
  /** the branch's results in posting order */
  results: readonly JobResult[];
  /** persona id → the avatar as a small JPEG (see `avatarImages`) */
  avatars: ReadonlyMap<string, Buffer>;
  key?: SigningKey;
}

const pageImage = ({ path, width, height }: BundleImage): PageImage => ({ path, width, height });

export function pagePost(p: BundlePost): PagePost {
  return {
    order: p.order,
    brief: p.briefId,
    title: p.title,
    kind: p.kind,
    persona: p.persona,
    ...(p.personaTitle ? { personaTitle: p.personaTitle } : {}),
    ...(p.avatar ? { avatar: p.avatar } : {}),
    date: p.date,
    time: p.time,
    caption: p.caption,
    segments: p.segments,
    mode: p.mode,
    images: p.images.map(pageImage),
    ...(p.stickers ? { stickers: p.stickers.map((s) => ({ name: s.name, still: pageImage(s.still), animated: s.animated.map(pageImage) })) } : {}),
  };
}

/** The branch's release, or undefined when nothing of the branch was approved (nothing ships). */
export async function branchRelease(input: ReleaseInput): Promise<BranchRelease | undefined> {
  const posts = selectPosts(input.results, new Set(input.avatars.keys()));
  if (!posts.length) return undefined;
  const b = input.branch;
  const page: BranchPageData = {
    week: input.week,
    range: input.range,
    bank: input.bank.name,
    branch: { id: b.id, name: b.name, city: b.city, colors: { primary: b.colors.primary, accent: b.colors.accent }, tags: [...(b.tags ?? [])] },
    posts: posts.map(pagePost),
    zip: `../bundles/${b.id}.zip`,
  };
  const used = new Set(input.results.filter((r) => r.decision.approved && !r.failure).map((r) => r.job.persona.id));
  const extra: BundleFile[] = [
    { path: 'index.html', data: Buffer.from(branchPageHtml(page)) },
    { path: 'posts.json', data: Buffer.from(`${JSON.stringify(page, null, 2)}\n`) },
    ...[...input.avatars].filter(([id]) => used.has(id)).map(([id, data]) => ({ path: avatarPath(id), data })),
  ];
  const waivers: Waiver[] = [...new Set(input.results.filter((r) => r.decision.approved && !r.failure).flatMap((r) => r.decision.waivers))];
  const { files, manifest, signature } = bundleFiles({ week: input.week, branch: b, bank: input.bank, ruleset: input.ruleset, waivers, posts, extra, ...(input.key ? { key: input.key } : {}) });
  const zip = await zipBundle(files, input.week);
  return { branch: b.id, files, manifest, ...(signature ? { signature } : {}), zip, sha256: sha256(zip), page };
}

/** Each persona's avatar as a 96 px JPEG (metadata dropped); personas without one or whose file fails are left out. */
export async function avatarImages(
  personas: Iterable<Persona>,
  read: (rel: string) => Promise<Buffer>,
  derive?: (source: string, recipe: string, make: () => Promise<Buffer>) => Promise<Buffer>,
): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const p of personas) {
    if (!p.avatar) continue;
    try {
      const data = await read(p.avatar);
      const make = () => sharp(data, { limitInputPixels: 40_000_000 }).rotate().resize(96, 96, { fit: 'cover', position: 'attention' }).jpeg({ quality: 85 }).toBuffer();
      out.set(p.id, derive ? await derive(createHash('sha256').update(data).digest('hex'), 'avatar 96 attention q85', make) : await make());
    } catch {
      // the render stage reports a broken avatar where it is used; the preview draws an initial instead
    }
  }
  return out;
}
