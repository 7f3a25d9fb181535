import { lint } from './test/lint/helpers.ts';
const texts = process.argv.slice(2);
for (const t of texts) {
  const fs = lint(t.split('||'));
  console.log(JSON.stringify(t), '=>', fs.map((f) => `${f.ruleId}[${f.severity[0]}]:${f.excerpt}`).join(' | ') || 'CLEAN');
}
