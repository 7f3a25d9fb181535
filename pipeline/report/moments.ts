// The Moments preview: a post as a WeChat Moments feed shows it — the persona's avatar and name,
// the caption folded after 6 lines behind 全文, and the images laid out as WeChat lays them out:
// one image whole (between 1:3 and 3:1), 2–9 images as centre-cropped squares in a grid of three
// columns (four images as two by two). Used by the branch page and the reviewers' report, so both
// show the crop of every 3:4 image and whether the risk warning is seen before the fold.
import { esc, relUrl } from './htmlkit.ts';

export interface MomentsImage {
  /** relative path from the page, or a data:image URI */
  src: string;
  width: number;
  height: number;
  alt: string;
  /** where a tap leads (the full image); defaults to src */
  href?: string;
}

export interface MomentsPost {
  name: string;
  /** relative path or data:image URI; an initial is drawn without one */
  avatar?: string;
  caption: string;
  images: MomentsImage[];
  /** `周三 10:00` */
  when: string;
}

/** Moments folds a caption after about six lines. */
export const FOLD_LINES = 6;

const DATA_IMAGE = /^data:image\/(jpeg|png|webp|gif);base64,[A-Za-z0-9+/=]+$/;

/** An image URL for src/href: a plain relative path or an inline image; undefined otherwise. */
export function imageUrl(src: string): string | undefined {
  if (DATA_IMAGE.test(src)) return src;
  return relUrl(src);
}

/** How WeChat shows one image: whole, its long side at most `box` px, ratios beyond 1:3 / 3:1 clamped. */
export function singleSize(width: number, height: number, box = 200): { width: number; height: number } {
  const r = Math.min(Math.max(width / height, 1 / 3), 3);
  return r >= 1 ? { width: box, height: Math.round(box / r) } : { width: Math.round(box * r), height: box };
}

function avatar(p: MomentsPost): string {
  const url = p.avatar ? imageUrl(p.avatar) : undefined;
  if (url) return `<img class="mo-av" src="${url}" alt="${esc(p.name)}的头像" width="40" height="40">`;
  return `<span class="mo-av mo-av-i" aria-hidden="true">${esc([...p.name][0] ?? '温')}</span>`;
}

function images(p: MomentsPost): string {
  const shown = p.images.slice(0, 9);
  if (!shown.length) return '';
  if (shown.length === 1) {
    const img = shown[0]!;
    const url = imageUrl(img.src);
    if (!url) return '';
    const size = singleSize(img.width, img.height);
    return `<div class="mo-imgs n1"><a href="${imageUrl(img.href ?? img.src) ?? url}" target="_blank" rel="noopener"><img src="${url}" alt="${esc(img.alt)}" style="width:${size.width}px;height:${size.height}px" loading="lazy" decoding="async"></a></div>`;
  }
  return `<div class="mo-imgs n${shown.length}">${shown
    .map((img) => {
      const url = imageUrl(img.src);
      return url
        ? `<a class="mo-sq" href="${imageUrl(img.href ?? img.src) ?? url}" target="_blank" rel="noopener"><img src="${url}" alt="${esc(img.alt)}" loading="lazy" decoding="async"></a>`
        : '<span class="mo-sq"></span>';
    })
    .join('')}</div>`;
}

/** One post as the Moments feed shows it. */
export function momentsHtml(p: MomentsPost): string {
  return `<div class="mo" role="figure" aria-label="朋友圈预览">
${avatar(p)}
<div class="mo-body">
<div class="mo-name">${esc(p.name)}</div>
<div class="mo-text" data-fold="${FOLD_LINES}">${esc(p.caption)}</div>
<button type="button" class="mo-more" hidden>全文</button>
${images(p)}
<div class="mo-when">${esc(p.when)}</div>
</div>
</div>`;
}

export const MOMENTS_CSS = `
.mo{display:flex;gap:10px;background:#fff;padding:12px;border-radius:10px;border:1px solid #ececec;font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;color:#111;max-width:420px}
.mo-av{width:40px;height:40px;border-radius:5px;flex:none;object-fit:cover;background:#d9d9d9}
.mo-av-i{display:grid;place-items:center;color:#fff;background:#8a9bb4;font-weight:600}
.mo-body{min-width:0;flex:1}
.mo-name{color:#576b95;font-weight:600;font-size:15px;line-height:1.4}
.mo-text{font-size:15px;line-height:1.5;white-space:pre-wrap;overflow-wrap:anywhere;margin:2px 0 4px}
.mo-text.folded{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:6;overflow:hidden}
.mo-more{font:inherit;font-size:15px;color:#576b95;background:none;border:0;padding:0;margin:0 0 6px;cursor:pointer}
.mo-imgs{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:4px;max-width:270px;margin:4px 0}
.mo-imgs.n4{grid-template-columns:repeat(2,minmax(0,1fr));max-width:178px}
.mo-imgs.n1{display:block;max-width:none}
.mo-imgs.n1 img{display:block;object-fit:cover;max-width:100%}
.mo-sq{display:block;aspect-ratio:1;overflow:hidden;background:#eee}
.mo-sq img{width:100%;height:100%;object-fit:cover;object-position:center;display:block}
.mo-when{color:#b2b2b2;font-size:12px;margin-top:4px}
`;

/** Folds every caption longer than 6 lines behind 全文 (收起 unfolds it back). */
export const MOMENTS_SCRIPT = `
(function () {
  'use strict';
  function fold(t) {
    if (t.getAttribute('data-done') || !t.offsetParent) return;
    t.setAttribute('data-done', '1');
    t.classList.add('folded');
    var more = t.nextElementSibling;
    if (!more || t.scrollHeight <= t.clientHeight + 1) { t.classList.remove('folded'); return; }
    more.hidden = false;
    more.addEventListener('click', function () {
      var folded = t.classList.toggle('folded');
      more.textContent = folded ? '全文' : '收起';
    });
  }
  function all() { Array.prototype.forEach.call(document.querySelectorAll('.mo-text'), fold); }
  all();
  // a preview shown later (a details opened, a filter changed) folds when it appears
  document.addEventListener('toggle', all, true);
  document.addEventListener('change', function () { setTimeout(all, 0); });
  window.addEventListener('hashchange', function () { setTimeout(all, 0); });
})();
`;

/** Characters per line of Moments text on a common phone (about 20 Chinese characters; Latin, digits and spaces half). */
export const LINE_WIDTH = 20;

/** The displayed lines a caption takes, each hard line wrapped at `LINE_WIDTH`. */
export function displayLines(caption: string, width = LINE_WIDTH): string[][] {
  return caption.split('\n').map((line) => {
    const rows: string[] = [];
    let row = '';
    let w = 0;
    for (const ch of line) {
      const cw = /[\u0000-\u00ff]/.test(ch) ? 0.5 : 1;
      if (w + cw > width) {
        rows.push(row);
        row = '';
        w = 0;
      }
      row += ch;
      w += cw;
    }
    rows.push(row);
    return rows;
  });
}

/** On which displayed line (1-based) `needle` ends, and whether that is after the fold; undefined when absent. */
export function foldOf(caption: string, needle: string, width = LINE_WIDTH): { line: number; folded: boolean } | undefined {
  const at = needle ? caption.indexOf(needle) : -1;
  if (at < 0) return undefined;
  const end = at + needle.length;
  let offset = 0;
  let line = 0;
  for (const rows of displayLines(caption, width)) {
    for (const row of rows) {
      line++;
      offset += row.length;
      if (offset >= end) return { line, folded: line > FOLD_LINES };
    }
    offset += 1; // the newline
  }
  return { line, folded: line > FOLD_LINES };
}
