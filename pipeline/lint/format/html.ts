// `--format html`: one self-contained page (no scripts, no external assets) listing the findings
// per file with the excerpt, legal basis and suggestion. The reviewers' report with rendered
// images is a separate stage.
import { counts, messages, plural, type Formatter } from './types.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const html: Formatter = (results, meta) => {
  const c = counts(results);
  const rows = results
    .map((r) => {
      const ms = messages(r);
      const body = ms.length
        ? ms
            .map(
              (m) => `<tr class="${m.severity}"><td>${m.line}:${m.column}</td><td>${m.severity}</td><td><code>${esc(m.ruleId)}</code></td><td>${esc(m.message)}${
                m.suggestion ? `<div class="s">→ ${esc(m.suggestion)}</div>` : ''
              }${'basis' in m ? `<div class="b">${esc(String(m.basis))}</div>` : ''}</td><td><mark>${esc(m.excerpt)}</mark></td></tr>`,
            )
            .join('\n')
        : '<tr><td colspan="5">✔ no problems</td></tr>';
      return `<section><h2>${esc(r.file)}</h2><table><thead><tr><th>at</th><th>severity</th><th>rule</th><th>message</th><th>excerpt</th></tr></thead><tbody>\n${body}\n</tbody></table></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Wendu lint · ruleset ${esc(meta.ruleset)}</title>
<style>body{font:14px/1.5 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}tr.error td:nth-child(2){color:#b00020;font-weight:600}tr.warning td:nth-child(2){color:#a15c00}.s{color:#245}.b{color:#777;font-size:12px}mark{background:#fff3b0}</style></head>
<body><h1>Wendu lint</h1><p>${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')} in ${plural(results.length, 'file')} · ruleset <code>${esc(meta.ruleset)}</code></p>
${rows}
</body></html>
`;
};
