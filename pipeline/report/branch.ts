// The branch page, `public/<branch>/index.html`: the week's posts for staff on a phone, most often
// opened inside WeChat. Posts in posting order, each with its time, audience, a Moments preview,
// its full images to long-press and save, and its caption with a 复制文案 button that copies
// exactly the caption. Sizes of one card are offered 二选一; the sticker pack is stickers to save,
// not a post. The zip is the second way, for a computer. Static, escaped, no network.
import { chineseDate } from '../week.ts';
import type { BranchPageData, PageImage, PagePost } from './model.ts';
import { contrast, esc, FONT_STACK, pageHead, relUrl, safeColor } from './htmlkit.ts';
import { momentsHtml, MOMENTS_CSS, MOMENTS_SCRIPT } from './moments.ts';

const INK = '#3a2a20';

const ratioLabel = (i: PageImage) => (i.width === i.height ? '方图 1:1' : i.width * 4 === i.height * 3 ? '竖图 3:4' : i.width * 16 === i.height * 9 ? '竖图 9:16' : `${i.width}×${i.height}`);
export const audienceText = (segments: readonly string[]) => (segments.length ? segments.join('、') : '全部客户');

function img(i: PageImage, alt: string): string {
  const url = relUrl(i.path);
  if (!url) return '';
  return `<img src="${url}" alt="${esc(alt)}" width="${i.width}" height="${i.height}" loading="lazy" decoding="async">`;
}

function fullImages(p: PagePost): string {
  if (p.mode === 'pick-one') {
    return `<div class="pick"><p class="how"><b class="tag-pick">二选一</b>同一张卡片的两种尺寸，只发其中一张：</p><div class="opts">${p.images
      .map((i, k) => `<figure class="opt">${img(i, `${p.title} · ${ratioLabel(i)}`)}<figcaption>${k ? '或 ' : ''}${esc(ratioLabel(i))}</figcaption></figure>`)
      .join('')}</div></div>`;
  }
  const n = p.images.length;
  return `<p class="how">${n > 1 ? `${n} 张图片，按编号顺序一次选入同一条朋友圈：` : '1 张图片：'}</p><ol class="full n${Math.min(n, 3)}">${p.images
    .map((i, k) => `<li>${img(i, `${p.title} · 第 ${k + 1} 张`)}${n > 1 ? `<span class="no">${k + 1}</span>` : ''}</li>`)
    .join('')}</ol>`;
}

function postCard(p: PagePost, index: number): string {
  const when = `${chineseDate(p.date)} ${p.time}`;
  const preview = momentsHtml({
    name: p.persona,
    ...(p.avatar ? { avatar: p.avatar } : {}),
    caption: p.caption,
    // the feed shows one image of a pick-one post: the first size
    images: (p.mode === 'pick-one' ? p.images.slice(0, 1) : p.images).map((i, k) => ({ src: i.path, width: i.width, height: i.height, alt: `${p.title} 预览 ${k + 1}` })),
    when: `${chineseDate(p.date).split(' ')[1]} ${p.time}`,
  });
  return `<article class="post" id="post-${p.order}" data-order="${p.order}" data-mode="${esc(p.mode)}">
<header class="ph"><span class="ord">${p.order}</span><div><h2>${esc(p.title)}</h2><p class="when"><time datetime="${esc(`${p.date}T${p.time}+08:00`)}">${esc(when)}</time> · ${esc(p.persona)}</p></div></header>
<p class="aud"><span>可见范围</span>${p.segments.length ? p.segments.map((s) => `<b class="seg">${esc(s)}</b>`).join('') : '<b class="seg all">全部客户</b>'}</p>
<section class="cap"><div class="cap-h"><span>朋友圈文案</span><button type="button" class="copy" data-target="cap-${index}">复制文案</button></div><pre class="cap-t" id="cap-${index}">${esc(p.caption)}</pre></section>
${fullImages(p)}
<details class="pv" open><summary>朋友圈效果预览（客户看到的样子）</summary>${preview}</details>
</article>`;
}

function stickerSection(p: PagePost): string {
  const items = (p.stickers ?? []).map((s) => {
    const shown = s.animated.find((a) => a.path.endsWith('.gif')) ?? s.still;
    return `<li>${img(shown, `表情 ${s.name}`)}</li>`;
  });
  return `<section class="stickers" id="post-${p.order}" data-mode="stickers">
<h2>${esc(p.title)}<small>表情包 · 不发朋友圈</small></h2>
<p class="how">长按表情图片，选“添加到表情”，之后在聊天里直接发送。共 ${items.length} 个。</p>
<ul class="st">${items.join('')}</ul>
</section>`;
}

export function branchPageHtml(data: BranchPageData): string {
  const primary = safeColor(data.branch.colors.primary, '#b3261e');
  const onPrimary = contrast(primary, '#ffffff') >= 4.5 ? '#ffffff' : INK;
  const posts = data.posts.filter((p) => p.mode !== 'stickers');
  const stickers = data.posts.filter((p) => p.mode === 'stickers');
  const zip = relUrl(data.zip);
  return `${pageHead(`${data.branch.name} · 本周朋友圈 · ${data.week}`, STYLE, SCRIPT)}
<body style="${esc(`--brand:${primary};--on-brand:${onPrimary}`)}">
<header class="top">
<p class="bank">${esc(data.bank)} · ${esc(data.branch.city)}</p>
<h1>${esc(data.branch.name)}</h1>
<p class="wk">${esc(data.week)} · ${esc(data.range)} · ${posts.length} 条朋友圈${stickers.length ? ' · 表情包' : ''}</p>
</header>
<aside class="note" id="wechat-note"><b>在微信里打开本页：</b>长按图片选“保存图片”（或“添加到表情”）；点“复制文案”后到朋友圈粘贴，并按“可见范围”选择客户标签。文案已通过合规审核，请勿改动。</aside>
<main>
${posts.map((p, i) => postCard(p, i)).join('\n')}
${stickers.map(stickerSection).join('\n')}
${data.posts.length ? '' : '<p class="empty">本周没有可发布的素材。</p>'}
</main>
<footer class="foot">
${zip ? `<p><b>在电脑上使用：</b>下载 <a href="${zip}" download>整个素材包（ZIP）</a>，内含同样的图片、文案（captions.md）和日历提醒（schedule.ics）。微信内置浏览器无法下载 ZIP，请在电脑或手机浏览器中打开。</p>` : ''}
<p>由 温度 Wendu 生成 · 仅含已通过合规审核的素材</p>
</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

const STYLE = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#f3f1ee;color:#222;font:16px/1.6 ${FONT_STACK};overflow-wrap:anywhere}
img{max-width:100%}
.top{background:var(--brand);color:var(--on-brand);padding:18px 16px 14px}
.top h1{margin:0;font-size:22px;line-height:1.3}
.bank,.wk{margin:0;font-size:13px;opacity:.9}
.note{margin:12px;padding:10px 12px;background:#fff8e1;border:1px solid #f0d98a;border-radius:10px;font-size:14px}
main{padding:0 12px 8px;max-width:720px;margin:0 auto}
.post,.stickers{background:#fff;border-radius:14px;padding:14px 12px;margin:0 0 14px;box-shadow:0 1px 3px rgba(0,0,0,.06)}
.ph{display:flex;gap:10px;align-items:flex-start}
.ord{flex:none;display:grid;place-items:center;width:28px;height:28px;border-radius:50%;background:var(--brand);color:var(--on-brand);font-weight:700}
.ph h2,.stickers h2{margin:0;font-size:18px;line-height:1.35}
.stickers h2 small{display:block;font-size:13px;font-weight:400;color:#777}
.when{margin:0;color:#666;font-size:14px}
.aud{display:flex;flex-wrap:wrap;align-items:center;gap:4px 6px;margin:8px 0;font-size:13px}
.aud span{color:#777}
.seg{font-weight:500;background:#eef3fb;color:#2f5d8a;border-radius:999px;padding:0 9px}
.seg.all{background:#eef6ef;color:#2e7d4f}
.cap{border:1px solid #e6e0da;border-radius:10px;margin:8px 0;background:#fcfbfa}
.cap-h{display:flex;justify-content:space-between;align-items:center;padding:6px 10px;border-bottom:1px solid #eee;font-size:13px;color:#777}
.copy{font:inherit;font-size:15px;font-weight:600;border:0;background:var(--brand);color:var(--on-brand);border-radius:999px;padding:6px 16px;min-height:36px;cursor:pointer}
.copy.done{background:#2e7d4f;color:#fff}
.cap-t{margin:0;padding:10px;font:inherit;font-size:15px;white-space:pre-wrap;overflow-wrap:anywhere;user-select:text;-webkit-user-select:text}
.how{margin:10px 0 6px;font-size:14px;color:#555}
.tag-pick{display:inline-block;background:#fde7d9;color:#a4410e;border-radius:6px;padding:0 8px;margin-right:6px}
.full{list-style:none;margin:0;padding:0;display:grid;gap:6px;grid-template-columns:minmax(0,1fr)}
.full.n2{grid-template-columns:repeat(2,minmax(0,1fr))}
.full.n3{grid-template-columns:repeat(3,minmax(0,1fr))}
.full li{position:relative}
.full img,.opt img,.st img{display:block;width:100%;height:auto;border-radius:6px;-webkit-touch-callout:default}
.no{position:absolute;left:4px;top:4px;background:rgba(0,0,0,.6);color:#fff;font-size:12px;border-radius:999px;padding:0 7px}
.opts{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:8px;align-items:start}
.opt{margin:0}
.opt figcaption{text-align:center;font-size:13px;color:#555}
.pv{margin-top:10px}
.pv summary{cursor:pointer;color:#576b95;font-size:14px;margin-bottom:6px}
.st{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:8px}
.st li{background:#f7f7f7;border-radius:8px;padding:4px}
.empty{text-align:center;color:#777;padding:30px 0}
.foot{max-width:720px;margin:0 auto;padding:4px 16px 28px;color:#666;font-size:13px}
.foot a{color:#576b95}
${MOMENTS_CSS}
`;

/** 复制文案: the Clipboard API, falling back to a selected textarea and execCommand (WeChat's browser). */
const SCRIPT = `
(function () {
  'use strict';
  function fallback(text) {
    var ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.top = '0';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    ta.setSelectionRange(0, text.length);
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(ta);
    return ok;
  }
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('button.copy');
    if (!b) return;
    var el = document.getElementById(b.getAttribute('data-target'));
    if (!el) return;
    var text = el.textContent;
    var done = function (ok) {
      b.textContent = ok ? '已复制' : '请长按文字复制';
      b.classList.toggle('done', ok);
      clearTimeout(b._t);
      b._t = setTimeout(function () { b.textContent = '复制文案'; b.classList.remove('done'); }, 2000);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallback(text)); });
    } else {
      done(fallback(text));
    }
  });
})();
${MOMENTS_SCRIPT}`;
