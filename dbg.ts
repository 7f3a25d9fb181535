import { lint } from './test/lint/helpers.ts';
import { normalize } from './pipeline/lint/normalize.ts';
import { loadConcepts } from './pipeline/lint/claims/concepts.ts';
const c = loadConcepts();
for (const x of process.argv.slice(2)) {
const t = normalize(x).text;
console.log(t);
for (const m of c.automaton.scan(t)) { const e = c.entries[m.id]!; console.log('  ', t.slice(m.from, m.to), e.kind === 'class' ? c.classes[e.cls] : e.kind === 'op' ? e.op : 'except'); }
console.log(lint(x).map((f) => f.ruleId + ':' + f.excerpt));
}
