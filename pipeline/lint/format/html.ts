// `--format html`: one self-contained page (no scripts, no external assets) for the reviewers: a
// summary bar (files, clean files, errors, warnings, the rule set), then only the files with
// findings, each a table whose columns keep their width (position, level and rule never wrap;
// the message and the quoted text share the rest). The report with rendered images is a
// separate stage.
import { counts, messages, type Formatter } from './types.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** the page is for the reviewers: labels in Chinese (classes and rule ids stay as they are) */
const SEVERITY: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

const STYLE = `body{font:14px/1.6 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0 auto;padding:1.5em;max-width:1200px;color:#222}
h1{font-size:20px;margin:0 0 .6em}h2{font-size:15px;margin:1.6em 0 .4em;font-family:ui-monospace,monospace;word-break:break-all}
.bar{display:flex;flex-wrap:wrap;gap:.5em 1.5em;align-items:center;padding:.7em 1em;border-radius:8px;background:#f4f5f7;position:sticky;top:0}
.bar strong{font-size:18px;margin-right:.2em}.bar .error strong{color:#b00020}.bar .warning strong{color:#a15c00}.bar .info strong{color:#2a5db0}.bar .ok strong{color:#1b7f3b}.bar code{color:#555}
.meter{display:flex;height:6px;border-radius:3px;overflow:hidden;background:#dfe3e8;margin:.4em 0 1em}.meter .error{background:#b00020}.meter .warning{background:#e0a100}.meter .info{background:#6c97d8}
table{border-collapse:collapse;width:100%;table-layout:fixed}
col.pos{width:6em}col.sev{width:4em}col.rule{width:15em}col.ex{width:24%}
td,th{border-bottom:1px solid #e3e3e3;padding:.45em .6em;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#fafafa;font-weight:600;white-space:nowrap}
td.pos,td.sev,td.rule{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;font-variant-numeric:tabular-nums}
tr.error td.sev{color:#b00020;font-weight:600}tr.warning td.sev{color:#a15c00;font-weight:600}tr.info td.sev{color:#2a5db0}
.s{color:#245;margin-top:.2em}.b{color:#777;font-size:12px}.w{color:#1b7f3b;font-size:12px}mark{background:#fff3b0}
p.clean{color:#1b7f3b}`;

export const html: Formatter = (results, meta) => {
  const c = counts(results);
  const withFindings = results.filter((r) => messages(r).length);
  const clean = results.length - withFindings.length;
  const total = c.errors + c.warnings + c.infos;
  const sections = withFindings
    .map((r) => {
      const ms = messages(r);
      const body = ms
        .map((m) => {
          const waiver = m.finding && r.waived?.get(m.finding);
          const basis = m.finding?.basis;
          return `<tr class="${m.severity}"><td class="pos">${m.line}:${m.column}</td><td class="sev">${SEVERITY[m.severity] ?? esc(m.severity)}</td><td class="rule" title="${esc(m.ruleId)}"><code>${esc(m.ruleId)}</code></td><td>${esc(m.message)}${
            m.suggestion ? `<div class="s">建议：${esc(m.suggestion)}</div>` : ''
          }${basis ? `<div class="b">依据：${esc(basis)}</div>` : ''}${waiver ? `<div class="w">已豁免：${esc(waiver.reviewer)}（${esc(waiver.date)}）${esc(waiver.reason)}</div>` : ''}</td><td>${
            m.excerpt ? `<mark>${esc(m.excerpt)}</mark>` : ''
          }</td></tr>`;
        })
        .join('\n');
      return `<section><h2>${esc(r.file)}</h2><table><colgroup><col class="pos"><col class="sev"><col class="rule"><col><col class="ex"></colgroup><thead><tr><th>位置</th><th>级别</th><th>规则</th><th>问题</th><th>原文</th></tr></thead><tbody>\n${body}\n</tbody></table></section>`;
    })
    .join('\n');
  const pct = (n: number) => (total ? ((n / total) * 100).toFixed(2) : '0');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>温度 · 合规检查 · 规则集 ${esc(meta.ruleset)}</title>
<style>${STYLE}</style></head>
<body><h1>温度 · 合规检查</h1>
<div class="bar" role="status"><span>共 <strong>${results.length}</strong>个文件</span><span class="error"><strong>${c.errors}</strong>条错误</span><span class="warning"><strong>${c.warnings}</strong>条警告</span>${
    c.infos ? `<span class="info"><strong>${c.infos}</strong>条提示</span>` : ''
  }<span class="ok"><strong>${clean}</strong>个文件未发现问题</span><span>规则集 <code>${esc(meta.ruleset)}</code></span></div>
<div class="meter" aria-hidden="true"><span class="error" style="width:${pct(c.errors)}%"></span><span class="warning" style="width:${pct(c.warnings)}%"></span><span class="info" style="width:${pct(c.infos)}%"></span></div>
${withFindings.length ? sections : '<p class="clean">✔ 所有文件均未发现问题</p>'}
</body></html>
`;
};
