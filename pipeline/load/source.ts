// Source files as text with positions: decoding (UTF-8 only, located errors otherwise) and
// offset → line/column conversion. Columns count UTF-16 code units, as editors and ESLint do.
import type { Position, Problem, TextSpan } from '../model.ts';

export class SourceText {
  /** offsets at which each line starts */
  private readonly lineStarts: number[];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  problem(ruleId: string, message: string, start: number, end = start, severity: Problem['severity'] = 'error'): Problem {
    const from = this.position(start);
    const to = this.position(Math.max(start, end));
    return { file: this.file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column, severity, ruleId, message };
  }
}

/** The position reached after walking `text` from `start`: maps an offset in an exact source slice back to the file. */
export function advance(start: Position, text: string, offset: number): Position {
  let { line, column } = start;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a content file. A byte sequence that is not UTF-8 (a brief saved as GBK, say) is a
 * located problem pointing at the first bad byte, rather than mojibake further down the batch.
 */
export function decode(file: string, bytes: Uint8Array): { source?: SourceText; problem?: Problem } {
  try {
    return { source: new SourceText(file, utf8.decode(bytes)) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const at = new SourceText(file, before).position(before.length);
    const hex = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      problem: {
        file,
        ...at,
        severity: 'error',
        ruleId: 'load/encoding',
        message: `File is not valid UTF-8 (byte 0x${hex}); save it as UTF-8 (files saved as GBK/GB18030 are not accepted)`,
      },
    };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    try {
      utf8.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return 0;
}

/** Offset in a decoded span's text of a source position (through its `map`), or -1: the report uses it to mask what a finding located. */
export function offsetOf(span: TextSpan, line: number, column: number): number {
  if (!span.map) return -1;
  const i = span.map.findIndex((r) => r.start.line === line && r.start.column === column);
  if (i >= 0) return i;
  const j = span.map.findIndex((r) => r.end.line === line && r.end.column === column);
  return j >= 0 ? j + 1 : -1;
}

