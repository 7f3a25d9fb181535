// Which patterns cost time quadratic in a run of the characters they start with. A RegExp is tried
// from every position of a text; an alternative that can begin a match with an unbounded repeat of a
// class (`\d+%`, `[一二三]+万`) reads from each position of a run of that class to its end before it
// fails, so a 100,000-digit run costs 5·10⁹ steps (stop 34's bench: 45 s for "名单：" and 100k digits,
// 12 minutes for 400k). Starting such a repeat only where the run starts — `(?<!\d)\d+%` — matches
// everything it matched before (a match from inside a run is also one from the run's start, since the
// repeat can take the extra characters) and reads each run once.
//
// `quadraticStarts` is the check `test/lint/linear.test.ts` runs over every pattern in the linter's data
// and every regular-expression literal in pipeline/: the repeats that can begin a match with no
// look-behind that excludes their own class.

type Kind = 'class' | 'group' | 'zero-width' | 'look-behind' | 'char';

/** the unbounded repeats that can begin a match of `source`, as written (`\d+`, `[…]*`, `x{2,}`) */
export function quadraticStarts(source: string): string[] {
  const found: string[] = [];
  const s = source;
  let i = 0;

  // Each part returns the repeats it found that nothing after them (yet) can make fail: a repeat
  // that ends the whole pattern (`\s+` alone) matches as soon as it starts and never backtracks.

  /** alternatives up to `)` or the end; `start`: a match can begin here; `guards`: the look-behinds just before */
  function alternation(start: boolean, guards: string[]): string[] {
    const open = sequence(start, guards);
    while (s[i] === '|') {
      i++;
      open.push(...sequence(start, guards));
    }
    return open;
  }

  function sequence(start: boolean, inherited: string[]): string[] {
    let atStart = start;
    let guards = inherited;
    let open: string[] = [];
    while (i < s.length && s[i] !== '|' && s[i] !== ')') {
      const from = i;
      if (s[i] === '^' && atStart) {
        // anchored: tried where a text (or line) starts, not from every position
        i++;
        atStart = false;
        found.push(...open.splice(0));
        continue;
      }
      const { kind, open: inner } = atom(atStart, guards);
      const item = s.slice(from, i);
      const q = quantifier();
      // whatever comes next can fail, so what was still open is now a real cost
      found.push(...open.splice(0));
      open = inner;
      if (kind === 'look-behind') {
        guards = [...guards, item];
        continue;
      }
      if (kind === 'zero-width') continue;
      if (atStart && q.unbounded && !guards.some((g) => excludes(g, item))) open.push(item + q.text);
      guards = [];
      // an optional first item leaves the next one at the start too
      if (q.min >= 1) atStart = false;
    }
    return open;
  }

  /** a look-behind `(?<!X)` that refuses the character before when it is one `item` can match, or
   *  refuses exactly what the repeated group matches */
  function excludes(lookBehind: string, item: string): boolean {
    if (!lookBehind.startsWith('(?<!')) return false;
    const inner = lookBehind.slice(4, -1);
    const body = item.startsWith('(?:') ? item.slice(3, -1) : item.startsWith('(') ? item.slice(1, -1) : item;
    if (inner === item || inner === body) return true;
    const refused = new Set(inner.split('|').flatMap(members));
    const wanted = members(item);
    return wanted.length > 0 && wanted.every((m) => refused.has(m));
  }

  /** the members of a class, an escape or a character, as written (0-9 read as \d); none for a negated class */
  function members(atom: string): string[] {
    if (!atom.startsWith('[')) return [atom === '[0-9]' ? '\\d' : atom];
    if (atom.startsWith('[^')) return [];
    const body = atom.slice(1, -1).replaceAll('0-9', '\\d');
    const out: string[] = [];
    for (let k = 0; k < body.length; ) {
      const len = body[k] === '\\' ? 2 : body.codePointAt(k)! > 0xffff ? 2 : 1;
      out.push(body.slice(k, k + len));
      k += len;
    }
    return out;
  }

  function quantifier(): { min: number; unbounded: boolean; text: string } {
    const from = i;
    const c = s[i];
    let min = 1;
    let unbounded = false;
    if (c === '*') ((min = 0), (unbounded = true), i++);
    else if (c === '+') ((unbounded = true), i++);
    else if (c === '?') ((min = 0), i++);
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(i));
      if (!m) return { min: 1, unbounded: false, text: '' };
      min = Number(m[1]);
      unbounded = m[2] !== undefined && m[3] === '';
      i += m[0].length;
    } else return { min: 1, unbounded: false, text: '' };
    if (s[i] === '?') i++;
    return { min, unbounded, text: s.slice(from, i) };
  }

  /** the item at `i` (read past), and the repeats still open inside it when it is a group */
  function atom(start: boolean, guards: string[]): { kind: Kind; open: string[] } {
    const leaf = (kind: Kind) => ({ kind, open: [] as string[] });
    const c = s[i]!;
    if (c === '(') {
      i++;
      let kind: 'group' | 'zero-width' | 'look-behind' = 'group';
      if (s[i] === '?') {
        if (s.startsWith('?:', i)) i += 2;
        else if (s.startsWith('?=', i) || s.startsWith('?!', i)) ((kind = 'zero-width'), (i += 2));
        else if (s.startsWith('?<=', i)) ((kind = 'zero-width'), (i += 3));
        else if (s.startsWith('?<!', i)) ((kind = 'look-behind'), (i += 3));
        else if (s.startsWith('?<', i)) i = s.indexOf('>', i) + 1;
      }
      const open = alternation(kind === 'group' && start, kind === 'group' ? guards : []);
      i++; // the ')'
      return { kind, open: kind === 'group' ? open : [] };
    }
    if (c === '[') {
      i++;
      while (i < s.length && s[i] !== ']') i += s[i] === '\\' ? 2 : 1;
      i++;
      return leaf('class');
    }
    if (c === '$' || c === '^') {
      i++;
      return leaf('zero-width');
    }
    if (c === '.') {
      i++;
      return leaf('class');
    }
    if (c === '\\') {
      const e = s[i + 1]!;
      i += 2;
      if (e === 'b' || e === 'B') return leaf('zero-width');
      if ('dDwWsS'.includes(e)) return leaf('class');
      if (e === 'p' || e === 'P') {
        i = s.indexOf('}', i) + 1;
        return leaf('class');
      }
      if (e === 'u' && s[i] === '{') i = s.indexOf('}', i) + 1;
      else if (e === 'u') i += 4;
      else if (e === 'x') i += 2;
      return leaf('char');
    }
    i += s.codePointAt(i)! > 0xffff ? 2 : 1;
    return leaf('char');
  }

  alternation(true, []); // what is still open ends the pattern: it cannot fail
  return found;
}
