import { renderHtml } from '/work/wt/gate/pipeline/render/engine.ts';
const html = `<div style="display:flex;flex-direction:column;width:400px;height:300px;background:#fff"><div data-field="title" style="display:flex;font-size:30px;width:200px">Hello 世界 1381234567813812345678abcdefghijklmnopqrstuvwxyz</div><div data-field="x" style="display:flex"><span>a</span><span>b 138</span></div></div>`;
const r = await renderHtml(html, 400, 300);
for (const n of r.nodes) console.log(JSON.stringify({ ...n, style: undefined }));
