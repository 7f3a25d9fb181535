// Where a piece of a text is in its source file. Apart from the linter on purpose: the render
// worker locates its visual checks with it and must not load the linter's dictionaries.
import type { Position, Problem, TextSpan } from '../model.ts';

/** The source location of span.text[from, to): exact through `map` or `start`, else the text's own line 1. */
export function locateIn(span: TextSpan, from: number, to = from): Pick<Problem, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'> {
  const { file } = span;
  if (span.map) {
    if (span.map.length === 0) return { file, line: 1, column: 1 };
    const a = span.map[Math.min(Math.max(0, from), span.map.length - 1)]!;
    const b = to > from ? span.map[Math.min(to, span.map.length) - 1]!.end : a.start;
    return { file, line: a.start.line, column: a.start.column, endLine: b.line, endColumn: b.column };
  }
  if (span.start) {
    const a = walk(span.start, span.text, from);
    const b = walk(span.start, span.text, to);
    return { file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
  return { file, line: 1, column: from + 1, endLine: 1, endColumn: to + 1 };
}

function walk(start: Position, text: string, offset: number): Position {
  let { line, column } = start;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) ((line += 1), (column = 1));
    else column++;
  }
  return { line, column };
}
