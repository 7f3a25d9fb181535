// Selecting what ships: a branch's approved job results become posts as WeChat takes them.
// - a post is at most 9 images posted together (WeChat's limit), in posting order;
// - the sizes of one card (1:1 and 3:4) are alternatives: staff post exactly one (二选一);
// - a sticker pack is not a post: its stickers are saved to WeChat's stickers one by one.
// Pure: results in, posts out. Nothing of a rejected asset is ever selected.
import type { JobResult } from '../batch.ts';
import type { BundleImage, BundlePost, Sticker } from './bundle.ts';

/** WeChat Moments takes at most 9 images per post. */
export const MAX_IMAGES = 9;

const isSize = (name: string) => /^\d+x\d+$/.test(name);

/** The job's base name from one of its files: `images/3-tue-1210-eggs-3x4.jpg` named `3x4` → `3-tue-1210-eggs`. */
function baseOf(f: { path: string; name: string }): string {
  const file = f.path.replace(/^images\//, '').replace(/\.\w+$/, '');
  return f.name && file.endsWith(`-${f.name}`) ? file.slice(0, -f.name.length - 1) : file;
}

function stickersOf(images: (BundleImage & { suffix: string; format: string })[]): Sticker[] {
  const stills = images.filter((f) => f.format === 'png' && !f.suffix.endsWith('-thumb'));
  return stills.map((s) => ({
    name: s.suffix,
    still: strip(s),
    ...(images.find((f) => f.suffix === `${s.suffix}-thumb`) ? { thumb: strip(images.find((f) => f.suffix === `${s.suffix}-thumb`)!) } : {}),
    animated: images.filter((f) => (f.format === 'gif' || f.format === 'webp') && f.suffix.startsWith(`${s.suffix}-`)).map(strip),
  }));
}

const strip = ({ path, data, width, height }: BundleImage): BundleImage => ({ path, data, width, height });

/** Avatar path inside the bundle for a persona id (`xihu/president` → `avatars/xihu-president.jpg`). */
export const avatarPath = (personaId: string) => `avatars/${personaId.replace(/[^\w-]+/g, '-')}.jpg`;

/**
 * The posts of one branch's week from its approved results, numbered 1…n in posting order among
 * what ships (a rejected post leaves no gap). `results` must be the branch's results in posting order.
 */
export function selectPosts(results: readonly JobResult[], avatars: ReadonlySet<string> = new Set()): BundlePost[] {
  const approved = results.filter((r) => r.decision.approved && !r.failure);
  const posts: BundlePost[] = [];
  for (const r of approved) {
    const order = posts.length + 1;
    const oldBase = r.files[0] ? baseOf(r.files[0]) : '';
    const newBase = oldBase.replace(/^\d+-/, `${order}-`);
    const images = r.files.map((f) => ({
      path: f.path.replace(`images/${oldBase}`, `images/${newBase}`),
      data: f.data,
      width: f.width,
      height: f.height,
      format: f.format,
      suffix: f.name,
    }));
    const common = {
      briefId: r.job.brief.id,
      title: r.job.brief.fields.title,
      kind: r.job.brief.fields.kind,
      persona: r.job.persona.name,
      personaTitle: r.job.persona.title,
      ...(avatars.has(r.job.persona.id) ? { avatar: avatarPath(r.job.persona.id) } : {}),
      date: r.job.date,
      time: r.job.time,
      caption: r.caption,
      segments: [...(r.job.brief.fields.segments ?? [])],
    };
    if (r.job.brief.fields.kind === 'sticker-pack') {
      posts.push({ ...common, order, mode: 'stickers', images: [], stickers: stickersOf(images) });
      continue;
    }
    const sizes = images.filter((f) => isSize(f.suffix));
    if (sizes.length > 1 && sizes.length === images.length) {
      posts.push({ ...common, order, mode: 'pick-one', images: images.map(strip) });
      continue;
    }
    // never more than 9 images in one post: a longer series is split into posts of ≤ 9
    for (let i = 0; i < images.length || i === 0; i += MAX_IMAGES) {
      const part = images.slice(i, i + MAX_IMAGES).map(strip);
      const n = Math.ceil(images.length / MAX_IMAGES);
      posts.push({ ...common, order: posts.length + 1, ...(n > 1 ? { title: `${common.title}（${i / MAX_IMAGES + 1}/${n}）` } : {}), mode: 'post', images: part });
      if (!images.length) break;
    }
  }
  return posts;
}
