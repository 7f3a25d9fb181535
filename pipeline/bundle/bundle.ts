// The bundle stage: a branch's approved assets as the files staff receive — images in posting
// order, the branch page, captions.md, schedule.ics, 说明.txt, manifest.json and head office's
// signature over it (manifest.json.sig) — and the same files as one zip.
// Deterministic: nothing comes from the clock, entries are sorted, zip timestamps are fixed, so the
// same inputs give a byte-identical zip.
import { createHash } from 'node:crypto';
import yazl from 'yazl';
import { createEvents, type EventAttributes } from 'ics';
import type { Bank, Branch, Waiver } from '../model.ts';
import type { PostMode, PostText } from '../report/model.ts';
import { chineseDate, dateOf } from '../week.ts';
import { signManifest, SIGNATURE_ENTRY, type ManifestSignature, type SigningKey } from './sign.ts';

export interface BundleImage {
  /** path inside the bundle: `images/3-tue-1210-eggs-and-baskets-1x1.jpg` */
  path: string;
  data: Buffer;
  width: number;
  height: number;
}

export interface Sticker {
  /** `01-zao-an` */
  name: string;
  still: BundleImage;
  thumb?: BundleImage;
  /** animated versions (GIF, WebP) */
  animated: BundleImage[];
}

export type { PostMode };

export interface BundlePost extends PostText {
  briefId: string;
  images: BundleImage[];
  stickers?: Sticker[];
}

export interface BundleFile {
  path: string;
  data: Buffer;
}

export interface ManifestEntry {
  path: string;
  bytes: number;
  sha256: string;
  width?: number;
  height?: number;
  brief?: string;
}

/** A post as the manifest lists it: when, to whom, which files. */
export interface ManifestPost {
  order: number;
  brief: string;
  date: string;
  time: string;
  mode: PostMode;
  segments: string[];
  files: string[];
}

export interface Manifest {
  week: string;
  branch: string;
  ruleset: string;
  waivers: Pick<Waiver, 'brief' | 'rule' | 'reviewer' | 'date' | 'reason' | 'textHash'>[];
  posts: ManifestPost[];
  files: ManifestEntry[];
}

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Every file of a post: images, stickers with their thumbnails and animations. */
export function postImages(p: BundlePost): BundleImage[] {
  return [...p.images, ...(p.stickers ?? []).flatMap((s) => [s.still, ...(s.thumb ? [s.thumb] : []), ...s.animated])];
}

const fileName = (f: { path: string }) => f.path.replace(/^images\//, '');
export const audience = (segments: readonly string[]) => (segments.length ? segments.join('、') : '全部客户');
const ratio = (f: { width: number; height: number }) => (f.width === f.height ? '1:1 方图' : f.width * 4 === f.height * 3 ? '3:4 竖图' : `${f.width}×${f.height}`);

/** One line saying which images to use and how. */
export function imagesLine(p: BundlePost): string {
  if (p.mode === 'stickers') return `表情包 ${p.stickers?.length ?? 0} 个：保存到微信表情，不发朋友圈`;
  if (p.mode === 'pick-one') return `图片二选一（只发其中一张）：${p.images.map((f) => `${fileName(f)}（${ratio(f)}）`).join(' 或 ')}`;
  return `图片 ${p.images.length} 张，按顺序一次选入同一条朋友圈：${p.images.map(fileName).join('、')}`;
}

/** China has one time zone and no daylight saving: posting times are UTC+8. */
function utcArray(date: string, time: string): [number, number, number, number, number] {
  const d = new Date(`${date}T${time}:00+08:00`);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

export function scheduleIcs(week: string, branch: Branch, posts: BundlePost[]): string {
  const events: EventAttributes[] = posts.map((p) => ({
    uid: `${week}-${branch.id}-${p.briefId.replace(/[^\w-]/g, '-')}${p.order > 1 && posts.some((q) => q !== p && q.briefId === p.briefId) ? `-${p.order}` : ''}@wendu`,
    title: p.mode === 'stickers' ? `保存表情包：${p.title}` : `发朋友圈：${p.title}`,
    description:
      p.mode === 'stickers'
        ? `${imagesLine(p)}\n打开支行页面或 images/ 中的表情图片，长按保存。`
        : `${p.persona} · ${imagesLine(p)}\n可见范围：${audience(p.segments)}\n文案见 captions.md 第 ${p.order} 条。`,
    ...(p.segments.length ? { categories: p.segments } : {}),
    start: utcArray(p.date, p.time),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: 15 },
    // DTSTAMP from the posting slot rather than the clock: the calendar is reproducible
    timestamp: Date.parse(`${p.date}T00:00:00+08:00`),
    alarms: [{ action: 'display', description: `10 分钟后${p.mode === 'stickers' ? '保存表情包' : '发布'}：${p.title}`, trigger: { minutes: 10, before: true } }],
    productId: 'wendu/schedule',
    calName: `${branch.name} ${week} 朋友圈排期`,
  }));
  const { error, value } = createEvents(events);
  if (error || !value) throw new Error(`schedule.ics: ${error?.message ?? 'no calendar'}`);
  return value;
}

export function captionsMarkdown(week: string, branch: Branch, posts: BundlePost[]): string {
  const parts = [
    `# ${branch.name} · ${week} 朋友圈文案`,
    '',
    '按发布顺序排列；每条文案可直接复制粘贴，图片见 images/ 中同序号的文件。手机上请打开素材包里的 index.html：图片长按保存，文案一键复制。',
    '',
  ];
  for (const p of posts.filter((p) => p.mode !== 'stickers')) {
    parts.push(`## ${p.order}. ${chineseDate(p.date)} ${p.time} · ${p.title}`, '', `可见范围：${audience(p.segments)}`, '', imagesLine(p), '', p.caption, '');
  }
  const stickers = posts.filter((p) => p.mode === 'stickers');
  if (stickers.length) {
    parts.push('## 表情包（不发朋友圈）', '');
    for (const p of stickers) {
      parts.push(`${p.order}. ${p.title}：${p.stickers!.length} 个表情，长按图片“添加到表情”即可在聊天中使用。`, '');
      for (const st of p.stickers!) parts.push(`- ${fileName(st.still)}${st.animated.length ? `（动图：${st.animated.map(fileName).join('、')}）` : ''}`);
      parts.push('');
    }
  }
  return parts.join('\n');
}

export function readme(week: string, branch: Branch, bank: Bank, posts: BundlePost[]): string {
  const lines = [
    `${branch.name} · ${week} 朋友圈素材包`,
    '',
    '本素材包内的全部图片与文案均已通过合规审核，请按以下方式使用：',
    '',
    '1. index.html：在手机上打开，按发布顺序列出每条朋友圈——长按图片保存，点“复制文案”复制文字，并注明可见范围。',
    '2. images/ 文件夹：按发布顺序编号的图片，文件名中含发布日与时间（如 2-mon-0830 表示周一 08:30）。',
    '   多张图片的朋友圈（如九宫格）按 tile-1 至 tile-9 的顺序一次选入同一条朋友圈，每条最多 9 张；',
    '   同一张卡片的 1x1（方图）与 3x4（竖图）是两种尺寸，二选一，只发其中一张；',
    '   表情包不是朋友圈：长按表情图片“添加到表情”，在聊天中使用。',
    '3. captions.md：每条朋友圈的文案和可见范围（客户标签），复制粘贴即可，请勿改动风险提示语。',
    '4. schedule.ics：本周发布排期，可导入手机日历，每条发布前 10 分钟提醒。',
    '',
    '本周发布安排：',
    ...posts.map((p) =>
      p.mode === 'stickers'
        ? `  ${p.order}. ${chineseDate(p.date)} ${p.time}  ${p.title}（表情包 ${p.stickers?.length ?? 0} 个，保存即可，不发朋友圈）`
        : `  ${p.order}. ${chineseDate(p.date)} ${p.time}  ${p.title}（${p.mode === 'pick-one' ? '图片二选一' : `${p.images.length} 张`}；可见：${audience(p.segments)}）`,
    ),
    '',
    '温馨提示：',
    '- 请使用本行认证的工作微信发布，不要自行修改图片或文案；如需调整，请联系总行营销部重新出图审核。',
    '- 图片中的客户信息均已脱敏处理，请勿在评论区补充任何客户的姓名、电话或其他个人信息。',
    `- 客户咨询请引导至网点电话 ${branch.contact.phone} 或客服热线 ${bank.hotline}。`,
    '',
    '附：manifest.json 与 manifest.json.sig 是素材清单和总行签名，供总行用 wendu verify 核验素材包未被改动，支行无需处理。',
    '',
  ];
  return lines.join('\r\n');
}

export interface BundleInput {
  week: string;
  branch: Branch;
  bank: Bank;
  ruleset: string;
  waivers: Waiver[];
  posts: BundlePost[];
  /** further files that ship (the branch page, posts.json, avatars), listed in the manifest like the rest */
  extra?: BundleFile[];
  /** head office's key: the manifest is signed and the signature ships as manifest.json.sig */
  key?: SigningKey;
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Every file of the bundle (manifest and its signature last), in a stable order. */
export function bundleFiles(input: BundleInput): { files: BundleFile[]; manifest: Manifest; signature?: ManifestSignature } {
  const { week, branch, posts } = input;
  const files: BundleFile[] = [];
  const entries: ManifestEntry[] = [];
  const add = (path: string, data: Buffer, extra: Partial<ManifestEntry> = {}) => {
    if (files.some((f) => f.path === path)) throw new Error(`bundle: two files named ${path}`);
    files.push({ path, data });
    entries.push({ path, bytes: data.length, sha256: sha256(data), ...extra });
  };
  for (const p of posts) for (const f of postImages(p)) add(f.path, f.data, { width: f.width, height: f.height, brief: p.briefId });
  add('captions.md', Buffer.from(captionsMarkdown(week, branch, posts)));
  add('schedule.ics', Buffer.from(scheduleIcs(week, branch, posts)));
  add('说明.txt', Buffer.from(readme(week, branch, input.bank, posts)));
  for (const f of input.extra ?? []) add(f.path, f.data);
  entries.sort(byPath);
  const waivers = [...input.waivers]
    .map(({ brief, rule, reviewer, date, reason, textHash }) => ({ brief, rule, reviewer, date, reason, textHash }))
    .sort((a, b) => `${a.brief}\0${a.rule}\0${a.textHash}`.localeCompare(`${b.brief}\0${b.rule}\0${b.textHash}`));
  const manifestPosts: ManifestPost[] = posts.map((p) => ({
    order: p.order,
    brief: p.briefId,
    date: p.date,
    time: p.time,
    mode: p.mode,
    segments: p.segments,
    files: postImages(p).map((f) => f.path),
  }));
  const manifest: Manifest = { week, branch: branch.id, ruleset: input.ruleset, waivers, posts: manifestPosts, files: entries };
  const data = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  files.sort(byPath);
  files.push({ path: 'manifest.json', data });
  if (!input.key) return { files, manifest };
  const signature = signManifest(data, input.key);
  files.push({ path: SIGNATURE_ENTRY, data: Buffer.from(`${JSON.stringify(signature, null, 2)}\n`) });
  return { files, manifest, signature };
}

/** The zip of a bundle's files, with fixed timestamps and no per-machine metadata. */
export function zipBundle(files: BundleFile[], week: string): Promise<Buffer> {
  // local-time components, so the DOS timestamp is the same on every machine whatever its zone
  const [y, m, d] = dateOf(week, 'mon').split('-').map(Number) as [number, number, number];
  const mtime = new Date(y, m - 1, d, 0, 0, 0);
  const zip = new yazl.ZipFile();
  for (const f of files) {
    const already = /\.(jpe?g|png|gif|webp|zip)$/i.test(f.path);
    zip.addBuffer(f.data, f.path, { mtime, mode: 0o100644, compress: !already, forceDosTimestamp: true });
  }
  zip.end({ forceZip64Format: false, comment: '' });
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
