// `--format html`: one self-contained page (no scripts, no external assets) listing the findings
// per file with the excerpt, legal basis and suggestion. The reviewers' report with rendered
// images is a separate stage.
import { counts, messages, type Formatter } from './types.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** the page is for the reviewers: labels in Chinese (classes and rule ids stay as they are) */
const SEVERITY: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

export const html: Formatter = (results, meta) => {
  const c = counts(results);
  const rows = results
    .map((r) => {
      const ms = messages(r);
      const body = ms.length
        ? ms
            .map(
              (m) => `<tr class="${m.severity}"><td>${m.line}:${m.column}</td><td>${SEVERITY[m.severity] ?? esc(m.severity)}</td><td><code>${esc(m.ruleId)}</code></td><td>${esc(m.message)}${
                m.suggestion ? `<div class="s">建议：${esc(m.suggestion)}</div>` : ''
              }${'basis' in m ? `<div class="b">依据：${esc(String(m.basis))}</div>` : ''}</td><td><mark>${esc(m.excerpt)}</mark></td></tr>`,
            )
            .join('\n')
        : '<tr><td colspan="5">✔ 未发现问题</td></tr>';
      return `<section><h2>${esc(r.file)}</h2><table><thead><tr><th>位置</th><th>级别</th><th>规则</th><th>问题</th><th>原文</th></tr></thead><tbody>\n${body}\n</tbody></table></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>温度 · 合规检查 · 规则集 ${esc(meta.ruleset)}</title>
<style>body{font:14px/1.5 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}tr.error td:nth-child(2){color:#b00020;font-weight:600}tr.warning td:nth-child(2){color:#a15c00}.s{color:#245}.b{color:#777;font-size:12px}mark{background:#fff3b0}</style></head>
<body><h1>温度 · 合规检查</h1><p>共 ${results.length} 个文件：错误 ${c.errors} 条，警告 ${c.warnings} 条${c.infos ? `，提示 ${c.infos} 条` : ''} · 规则集 <code>${esc(meta.ruleset)}</code></p>
${rows}
</body></html>
`;
};
