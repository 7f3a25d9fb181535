// The branch portal, `out/<week>/index.html`: a static page any web server or shared folder can
// serve as it is. One card per branch with previews, counts, the bundle's size and SHA-256 (with a
// copy button) and its download link. Every data string is escaped into static markup.
import type { PortalBranch, PortalData, PortalTag } from './model.ts';
import { contrast, esc, pageHead, FONT_STACK, groupDigits, humanBytes, MONO_STACK, relUrl, safeColor } from './htmlkit.ts';

const BANK_RED = '#b3261e';
const INK = '#3a2a20';
const MAX_PREVIEWS = 4;

/** The hex digest split in groups of eight for reading; the text content stays one unbroken hash. */
function shaGroups(sha: string): string {
  const groups = sha.match(/.{1,8}/g) ?? [];
  return groups.map((g) => `<span>${esc(g)}</span>`).join('');
}

function previews(b: PortalBranch): string {
  const shown = b.thumbnails.slice(0, MAX_PREVIEWS);
  if (!shown.length) return '<div class="previews none"><span>暂无预览</span></div>';
  const more = b.thumbnails.length - shown.length;
  return `<div class="previews">${shown
    .map((t, i) => {
      const url = relUrl(t);
      const alt = `${b.name} 素材预览 ${i + 1}`;
      const extra = more > 0 && i === shown.length - 1 ? `<span class="more">+${more}</span>` : '';
      return url
        ? `<a class="pv" href="${url}" target="_blank" rel="noopener"><img src="${url}" loading="lazy" decoding="async" alt="${esc(alt)}">${extra}</a>`
        : '<span class="pv broken"></span>';
    })
    .join('')}</div>`;
}

function branchCard(b: PortalBranch, i: number, week: string): string {
  const primary = safeColor(b.colors?.primary, BANK_RED);
  const accent = safeColor(b.colors?.accent, '#e8a33d');
  // text on the brand colour: white when it reads, ink otherwise; headings in the brand colour only when legible
  const onPrimary = contrast(primary, '#ffffff') >= 4.5 ? '#ffffff' : INK;
  const heading = contrast(primary, '#ffffff') >= 4.5 ? primary : INK;
  const style = `--brand:${primary};--accent:${accent};--on-brand:${onPrimary};--brand-text:${heading}`;
  const url = b.bundle ? relUrl(b.bundle.path) : undefined;
  const stats = `<ul class="stats">
<li><b>${b.assets}</b><span>项已通过</span></li>
<li class="${b.rejected ? 'rej' : ''}"><b>${b.rejected}</b><span>项未通过</span></li>
${b.bundle ? `<li><b title="${esc(groupDigits(b.bundle.bytes))} 字节">${esc(humanBytes(b.bundle.bytes))}</b><span>素材包大小</span></li>` : ''}
</ul>`;
  const page = b.page ? relUrl(b.page) : undefined;
  let bundle: string;
  if (b.bundle && url) {
    const zipPart = `<div class="sha">
<div class="sha-head"><span>SHA-256 校验值</span><button type="button" class="copy" data-target="sha-${i}" aria-label="复制 ${esc(b.name)} 的 SHA-256">复制</button></div>
<code class="sha-v" id="sha-${i}">${shaGroups(b.bundle.sha256)}</code>
</div>
<a class="dl${page ? ' zip' : ''}" href="${url}" download="${esc(`${b.id}-${week}.zip`)}"><span class="dl-i" aria-hidden="true">↓</span>下载素材包<small>${esc(humanBytes(b.bundle.bytes))} · ZIP</small></a>`;
    // the phone page first; the zip (for a computer) the second way
    bundle = page
      ? `<a class="dl page" href="${page}"><span class="dl-i" aria-hidden="true">▸</span>打开本周朋友圈<small>手机 · 长按存图 · 一键复制文案</small></a>
<details class="more-dl"><summary>电脑下载素材包（ZIP）与校验值</summary>${zipPart}</details>`
      : zipPart;
  } else if (b.bundle) {
    bundle = '<p class="nobundle">素材包路径无效，请联系总行。</p>';
  } else {
    bundle = `<p class="nobundle">本周暂无通过审核的素材${b.rejected ? `<small>${b.rejected} 项素材未通过合规审核，请联系总行营销部。</small>` : ''}</p>`;
  }
  return `<article class="branch${b.bundle ? '' : ' empty'}" id="branch-${esc(b.id)}" data-branch="${esc(b.id)}" style="${esc(style)}">
<header><span class="city">${esc(b.city)}</span><h2>${esc(b.name)}</h2></header>
${b.bundle || b.thumbnails.length ? previews(b) : ''}
${b.bundle || b.assets ? stats : ''}
${bundle}
</article>`;
}

/** Per audience tag: the posts its clients will see this week, per branch. */
function tagSection(tags: PortalTag[]): string {
  if (!tags.length) return '';
  return `<section class="tags" id="tags">
<h2>按客户标签：本周客户会看到什么</h2>
<p class="lead">朋友圈按企业微信客户标签设置可见范围；未设标签的朋友圈所有客户可见。</p>
<div class="tag-grid">${tags
    .map((t) => {
      const total = t.branches.reduce((n, b) => n + b.posts.length, 0);
      return `<details class="tag-card" data-tag="${esc(t.tag)}"><summary><b>${esc(t.tag)}</b><span>${t.branches.length} 个支行 · 共 ${total} 条朋友圈</span></summary>${t.branches
        .map(
          (b) =>
            `<div class="tag-branch"><b>${esc(b.name)}</b>${
              b.posts.length ? `<ol>${b.posts.map((p) => `<li><span class="slot">${esc(p.slot)}</span> ${esc(p.title)}</li>`).join('')}</ol>` : '<p class="quiet">本周无可见朋友圈</p>'
            }</div>`,
        )
        .join('')}</details>`;
    })
    .join('')}</div>
</section>`;
}

/** The branch portal: one static HTML page. */
export function portalHtml(data: PortalData): string {
  const withBundle = data.branches.filter((b) => b.bundle).length;
  const totalAssets = data.branches.reduce((s, b) => s + b.assets, 0);
  const mark = [...(data.bank || '温')][0] ?? '温';
  return `${pageHead(`${data.bank} · 本周素材 · ${data.week}`, STYLE, SCRIPT)}
<body>
<header class="hero">
<div class="wrap">
<p class="bank"><span class="logo" aria-hidden="true">${esc(mark)}</span>${esc(data.bank)}</p>
<h1>本周朋友圈素材</h1>
<p class="when"><span class="week">${esc(data.week)}</span><span class="range">${esc(data.range)}</span></p>
<p class="lead">每个支行一个手机页面：按发布顺序的朋友圈、长按保存的图片、一键复制的文案和可见范围；电脑可下载整个素材包。素材均已通过合规审核，请按日程原样发布，不要修改文字。</p>
<p class="totals">${data.branches.length} 个支行 · ${withBundle} 个素材包 · 共 ${totalAssets} 项素材</p>
</div>
</header>
<main class="wrap">
<section class="grid" aria-label="支行素材包">
${data.branches.length ? data.branches.map((b, i) => branchCard(b, i, data.week)).join('\n') : '<p class="nobundle">本周没有支行素材。</p>'}
</section>
${tagSection(data.tags ?? [])}
<section class="help">
<h2>使用说明</h2>
<ol>
<li>在手机上点<b>“打开本周朋友圈”</b>：按发布顺序列出每条朋友圈，长按图片保存，点“复制文案”复制文字，按“可见范围”选择客户标签。</li>
<li>“二选一”的两张图是同一张卡片的两种尺寸，只发其中一张；表情包长按“添加到表情”，不发朋友圈。</li>
<li>微信内置浏览器无法下载 ZIP：需要整包时请在电脑上下载，解压后先看 <code>说明.txt</code>。</li>
</ol>
<details class="tech"><summary>电脑核对校验值（可选）</summary>
<p>Windows：<code>certutil -hashfile 文件名.zip SHA256</code>；Mac：<code>shasum -a 256 文件名.zip</code>，结果应与卡片上的 SHA-256 一致。${
    data.publicKey && relUrl(data.publicKey.path)
      ? ` 素材包由总行签名，<a href="${relUrl(data.publicKey.path)}">总行公钥</a>指纹 <code>${esc(data.publicKey.fingerprint.slice(0, 16))}</code>，可用 <code>wendu verify --trust signing-key.pub</code> 核验。`
      : ''
  }</p>
</details>
</section>
</main>
<footer class="foot"><div class="wrap">由 温度 Wendu 生成 · 规则集 <code>${esc(data.ruleset)}</code> · 未通过审核的素材不会出现在素材包中</div></footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

const STYLE = `
:root{--paper:#FFF7EE;--paper2:#FBEFE1;--ink:#3A2A20;--muted:#7A6657;--line:#EADBCB;--red:#B3261E;--mono:${MONO_STACK}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--paper);color:var(--ink);font:15px/1.6 ${FONT_STACK};overflow-wrap:anywhere}
code{font-family:var(--mono);font-size:.88em;background:var(--paper2);padding:1px 5px;border-radius:4px}
.wrap{max-width:1160px;margin:0 auto;padding:0 20px}
.hero{background:radial-gradient(ellipse 55% 90% at 100% 0,rgba(232,163,61,.22),rgba(232,163,61,0) 100%),linear-gradient(180deg,#fff,var(--paper));border-top:6px solid var(--red);padding:26px 0 20px}
.bank{display:flex;align-items:center;gap:10px;margin:0;font-weight:600;color:var(--red);letter-spacing:.06em}
.logo{display:inline-grid;place-items:center;width:34px;height:34px;border-radius:50%;background:var(--red);color:#fff;font-size:18px;letter-spacing:0;box-shadow:0 2px 6px rgba(179,38,30,.3)}
h1{font-size:30px;line-height:1.25;margin:14px 0 4px}
.when{margin:0 0 10px;display:flex;flex-wrap:wrap;gap:6px 12px;align-items:baseline}
.week{font-weight:700;color:var(--red);font-variant-numeric:tabular-nums}
.range{color:var(--ink);font-size:17px}
.lead{max-width:44em;color:var(--muted);margin:0 0 8px}
.totals{margin:0;font-size:14px;color:var(--muted)}
main{padding:18px 20px 8px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,320px),1fr));gap:18px}
.branch{position:relative;background:#fff;border:1px solid var(--line);border-radius:16px;padding:18px;overflow:hidden;display:flex;flex-direction:column;gap:14px;box-shadow:0 2px 10px rgba(58,42,32,.06)}
.branch::before{content:"";position:absolute;inset:0 0 auto 0;height:6px;background:linear-gradient(90deg,var(--brand) 0 70%,var(--accent) 70% 100%)}
.branch header{margin-top:4px}
.branch h2{margin:2px 0 0;font-size:19px;line-height:1.35;color:var(--brand-text)}
.city{display:inline-flex;align-items:center;gap:6px;font-size:13px;color:var(--muted);font-weight:600}
.city::before{content:"";width:8px;height:8px;border-radius:50%;background:var(--accent)}
.previews{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:6px}
.pv{position:relative;display:block;aspect-ratio:3/4;border-radius:8px;overflow:hidden;background:var(--paper2);border:1px solid var(--line)}
.pv img{width:100%;height:100%;object-fit:cover;display:block}
.pv .more{position:absolute;inset:0;display:grid;place-items:center;background:rgba(58,42,32,.55);color:#fff;font-weight:700;font-size:18px}
.previews.none{grid-template-columns:1fr;place-items:center;aspect-ratio:4/1;background:var(--paper2);border:1px dashed var(--line);border-radius:8px;color:var(--muted);font-size:13px}
.stats{list-style:none;margin:0;padding:0;display:flex;gap:8px}
.stats li{flex:1;background:var(--paper);border-radius:10px;padding:6px 10px;display:flex;flex-direction:column;min-width:0}
.stats b{font-size:20px;line-height:1.3;font-variant-numeric:tabular-nums;white-space:nowrap}
.stats span{font-size:12px;color:var(--muted)}
.stats li.rej b{color:var(--red)}
.sha{border:1px solid var(--line);border-radius:10px;padding:8px 10px;background:#FFFDFB}
.sha-head{display:flex;justify-content:space-between;align-items:center;font-size:12px;color:var(--muted);margin-bottom:2px}
.copy{font:inherit;font-size:12px;border:1px solid var(--line);background:#fff;color:var(--ink);border-radius:999px;padding:2px 12px;cursor:pointer}
.copy:hover{border-color:var(--brand)}
.copy.done{background:#E4F3E8;border-color:#9CCFAE;color:#2E7D4F}
.sha-v{display:block;background:none;padding:0;font-size:12.5px;line-height:1.7;color:var(--ink);user-select:all}
.sha-v span{display:inline-block;margin-right:.5em}
.dl{display:flex;align-items:center;justify-content:center;gap:8px;margin-top:auto;background:var(--brand);color:var(--on-brand);text-decoration:none;font-weight:600;font-size:16px;padding:11px 14px;border-radius:12px;box-shadow:0 2px 6px rgba(58,42,32,.15)}
.dl:hover{filter:brightness(1.08)}
.dl:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.dl small{font-weight:400;opacity:.85;font-size:13px}
.dl-i{display:inline-grid;place-items:center;width:22px;height:22px;border-radius:50%;background:rgba(255,255,255,.22);font-size:14px}
.nobundle{flex:1;display:flex;flex-direction:column;justify-content:center;margin:0;min-height:96px;padding:14px;border-radius:12px;background:var(--paper);color:var(--muted);text-align:center;font-weight:600}
.nobundle small{font-weight:400;margin-top:4px}
.branch.empty::before{background:linear-gradient(90deg,#D9CBBE 0 70%,#EADBCB 70% 100%)}
.dl.page{background:var(--brand)}
.more-dl{display:flex;flex-direction:column;gap:8px}
.more-dl summary{cursor:pointer;color:var(--muted);font-size:13px}
.more-dl .dl.zip{background:#fff;color:var(--ink);border:1px solid var(--line);box-shadow:none;margin-top:8px}
.more-dl .sha{margin-top:8px}
.tags{margin:26px 0 8px}
.tags h2{font-size:19px;margin:4px 0}
.tag-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,300px),1fr));gap:14px}
.tag-card{background:#fff;border:1px solid var(--line);border-radius:14px;padding:12px 16px}
.tag-card summary{cursor:pointer;display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline}
.tag-card summary b{font-size:17px;color:var(--red)}
.tag-card summary span{font-size:13px;color:var(--muted)}
.tag-branch{margin:6px 0}
.tag-branch ol{margin:2px 0 0;padding-left:1.3em;font-size:14px}
.slot{color:var(--muted);font-variant-numeric:tabular-nums}
.quiet{color:var(--muted);margin:2px 0;font-size:14px}
.tech summary{cursor:pointer;color:var(--muted)}
.help{margin:26px 0 8px;background:#fff;border:1px solid var(--line);border-radius:16px;padding:14px 20px}
.help h2{font-size:17px;margin:4px 0}
.help ol{margin:0;padding-left:1.4em}
.help li{margin:4px 0}
.foot{color:var(--muted);font-size:13px;padding:16px 0 28px}
.foot code{font-size:12px}
@media (max-width:600px){
 .wrap,main{padding-left:14px;padding-right:14px}
 h1{font-size:25px}
 .branch{padding:16px 14px}
}
@media print{
 body{background:#fff}
 .copy,.dl-i{display:none}
 .branch{break-inside:avoid;box-shadow:none}
}
`;

/** The copy buttons: the Clipboard API, falling back to selecting the hash and execCommand. */
const SCRIPT = `
(function () {
  'use strict';
  function flash(button, text, ok) {
    var label = button.getAttribute('data-label') || button.textContent;
    button.setAttribute('data-label', label);
    button.textContent = text;
    button.classList.toggle('done', ok);
    clearTimeout(button._t);
    button._t = setTimeout(function () { button.textContent = label; button.classList.remove('done'); }, 2000);
  }
  function fallback(code) {
    var range = document.createRange();
    range.selectNodeContents(code);
    var s = window.getSelection();
    s.removeAllRanges();
    s.addRange(range);
    try { return document.execCommand('copy'); } catch (e) { return false; }
  }
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('button.copy');
    if (!button) return;
    var code = document.getElementById(button.getAttribute('data-target'));
    if (!code) return;
    var text = code.textContent.replace(/\\s+/g, '');
    var done = function (ok) { flash(button, ok ? '已复制' : '请手动复制', ok); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallback(code)); });
    } else {
      done(fallback(code));
    }
  });
})();
`;
