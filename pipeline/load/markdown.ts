// Markdown files with YAML frontmatter (briefs and personas), parsed with unified/remark.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { isAlias, isMap, isScalar, isSeq, Scalar, type Document, type Node } from 'yaml';
import type { Nodes, Root, RootContent } from 'mdast';
import type { Position, Problem, TextSpan } from '../model.ts';
import { decode, SourceText } from './source.ts';
import { align, append, characterReference, concat, emptyMapped, encodedReading, joinLinesMapped, mappedSpan, markdownEscape, synthetic, trimMapped, type Mapped } from './decode.ts';
import { NON_TEXT_KEYS } from './schema.ts';
import { parseYaml, toData, valueAt, type YamlPath, type YamlSource } from './yaml.ts';
import { yamlDoubleEscape, yamlSingleQuote } from './decode.ts';

export interface MarkdownFile {
  source: SourceText;
  yaml: YamlSource;
  doc: Document;
  /** the body as written, after the closing `---` */
  body: string;
  bodyStart: Position;
  /** the body's blocks as plain text, Markdown syntax removed: what templates draw */
  paragraphs: string[];
  /** the same paragraphs, each with the source range of every character */
  mappedParagraphs: Mapped[];
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

export function parseMarkdown(file: string, bytes: Uint8Array): { md?: MarkdownFile; problems: Problem[] } {
  const { source, problem } = decode(file, bytes);
  if (!source) return { problems: [problem!] };
  if (source.text.trim() === '') {
    return { problems: [source.problem('load/empty', 'Empty file: expected YAML frontmatter between two `---` lines, then the text', 0)] };
  }
  const refused = refuse(source);
  if (refused) return { problems: [refused] };
  let tree: Root;
  try {
    tree = processor.parse(source.text) as Root;
  } catch (err) {
    // the parser recursed too deep or ran out of room: one located error, the batch goes on
    return { problems: [source.problem('load/too-complex', `The Markdown could not be parsed (${(err as Error).message}); simplify its nesting`, 0)] };
  }
  const front = tree.children[0];
  if (front?.type !== 'yaml' || front.position?.start.offset === undefined) {
    return { problems: [source.problem('load/no-frontmatter', 'Missing frontmatter: the file must start with a `---` line, the YAML fields, and a closing `---` line', 0)] };
  }
  const open = front.position.start.offset;
  const base = source.text.indexOf('\n', open) + 1;
  const yaml: YamlSource = { source, base, yaml: front.value };
  const parsed = parseYaml(yaml);
  if (!parsed.doc) return { problems: parsed.problems };
  if (!isMap(parsed.doc.contents)) {
    return { problems: [source.problem('load/yaml', 'Frontmatter must be a mapping of keys to values (key: value)', base)] };
  }

  // the body starts on the line after the closing fence
  const end = front.position.end.offset!;
  const nl = source.text.indexOf('\n', end);
  const bodyOffset = nl < 0 ? source.text.length : nl + 1;
  const body = source.text.slice(bodyOffset);
  const mappedParagraphs = tree.children
    .slice(1)
    .flatMap((node) => blockTexts(node, source.text))
    .map(trimMapped)
    .filter((m) => m.text !== '');
  const paragraphs = mappedParagraphs.map((m) => m.text);
  return { md: { source, yaml, doc: parsed.doc, body, bodyStart: source.position(bodyOffset), paragraphs, mappedParagraphs }, problems: [] };
}

/** The blocks of the body as templates get them: lists one paragraph per item behind a `· `. */
/** A brief or persona file is text someone typed: a few kilobytes. Anything far beyond is refused before parsing. */
export const MAX_FILE_BYTES = 256 * 1024;
/** Block nesting (`>` quotes, list markers) a line may open before its text. */
export const MAX_LINE_PREFIX = 64;

/** Why a file is refused before it is parsed (size, control characters, absurd nesting), located; undefined when fine. */
function refuse(source: SourceText): Problem | undefined {
  const { text } = source;
  if (text.length > MAX_FILE_BYTES) {
    return source.problem('load/too-large', `File is ${Math.round(text.length / 1024)} K characters; a brief or persona may be at most ${MAX_FILE_BYTES / 1024} K (a WeChat Moments post is a few hundred characters)`, MAX_FILE_BYTES);
  }
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(text);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return source.problem('load/control-character', `Control character ${code} in the file: it draws nothing and hides text from reviewers; remove it`, control.index, control.index + 1);
  }
  const deep = new RegExp(`^(?:[ \\t]*(?:>|[*+-][ \\t])){${MAX_LINE_PREFIX + 1}}`, 'm').exec(text);
  if (deep) return source.problem('load/too-deep', `A line opens more than ${MAX_LINE_PREFIX} levels of quotes or lists before its text; flatten it`, deep.index, deep.index + deep[0].length);
  return undefined;
}

function blockTexts(node: RootContent, src: string): Mapped[] {
  if (node.type === 'list') {
    return node.children.map((item) => {
      const at = item.position?.start.offset ?? 0;
      return concat([synthetic('· ', at, at + 1), joinLinesMapped(mappedToString(item, src))]);
    });
  }
  if (node.type === 'yaml' || node.type === 'html' || node.type === 'thematicBreak') return [];
  return [joinLinesMapped(mappedToString(node, src))];
}

/**
 * `mdast-util-to-string` (values of text, inline code and HTML nodes, image alts, children
 * concatenated), keeping where each character came from. A test pins it to the library's result.
 */
export function mappedToString(node: Nodes, src: string, fallback: [number, number] = [0, 0]): Mapped {
  const range: [number, number] = [node.position?.start.offset ?? fallback[0], node.position?.end.offset ?? fallback[1]];
  if ('value' in node && typeof node.value === 'string') return align(node.value, src, range[0], range[1], [characterReference, markdownEscape]);
  if ('alt' in node && node.alt) return align(node.alt, src, range[0], range[1], [characterReference, markdownEscape]);
  const out = emptyMapped();
  if ('children' in node) {
    // iterative over siblings; depth is bounded by the loader's nesting limit
    for (const child of node.children) append(out, mappedToString(child as Nodes, src, range));
  }
  return out;
}

/** The body as drawn and pasted: paragraphs separated by blank lines, mapped back to the source. */
export function bodyMapped(md: MarkdownFile): Mapped {
  const out = emptyMapped();
  md.mappedParagraphs.forEach((p, i) => {
    if (i > 0) {
      const prev = md.mappedParagraphs[i - 1]!;
      const at = prev.end[prev.end.length - 1] ?? 0;
      append(out, synthetic('\n\n', at, at));
    }
    append(out, p);
  });
  return out;
}

/** Chinese and full-width characters, between which a soft line break is no space at all. */
const WIDE = /[\u2E80-\u9FFF\u3000-\u303F\uFF00-\uFFEF—…“”‘’]/u;

/** Soft line breaks inside a paragraph: nothing next to Chinese text, one space between Latin words. */
export function joinLines(text: string): string {
  return text.replace(/(?:(?<![ \t])[ \t]+)?\n[ \t]*/g, (m, offset: number, s: string) =>
    WIDE.test(s[offset - 1] ?? '') || WIDE.test(s[offset + m.length] ?? '') ? '' : ' ',
  );
}

/**
 * Every string value of the frontmatter as an exact slice of the file with its position, so the
 * linter can point at the characters the author typed. Quotes are excluded from the slice.
 */
export function frontmatterSpans(md: MarkdownFile): TextSpan[] {
  const spans: TextSpan[] = [];
  const walk = (node: Node | null | undefined, path: YamlPath) => {
    if (isMap(node)) {
      for (const pair of node.items) if (isScalar(pair.key)) walk(pair.value as Node, [...path, String(pair.key.value)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item as Node, [...path, i]));
    } else if (isScalar(node) && typeof node.value === 'string' && node.range) {
      const key = [...path].reverse().find((p): p is string => typeof p === 'string');
      if (key && NON_TEXT_KEYS.has(key)) return;
      let [from, to] = node.range;
      if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) {
        from += 1;
        to -= 1;
      } else if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
        from = md.yaml.yaml.indexOf('\n', from) + 1;
      }
      const offset = md.yaml.base + from;
      spans.push({ field: path.join('.'), text: md.source.text.slice(offset, md.yaml.base + to), file: md.source.file, start: md.source.position(offset) });
    }
  };
  walk(md.doc.contents as Node, []);
  return spans;
}

export function bodySpan(md: MarkdownFile): TextSpan {
  return { field: 'body', text: md.body, file: md.source.file, start: md.bodyStart };
}

/** The texts of a brief file for the linter: frontmatter strings and the body, with positions. */
export function briefSpans(file: string, bytes: Uint8Array): { spans: TextSpan[]; problems: Problem[] } {
  const { md, problems } = parseMarkdown(file, bytes);
  if (!md) return { spans: [], problems };
  return { spans: [...frontmatterSpans(md), bodySpan(md)], problems };
}


/** Frontmatter keys that name things (a persona, a kind, a file) or are checked formats (time, date): never free text. */
const NOT_DRAWN = new Set(['persona', 'kind', 'day', 'product', 'photo', 'photos', 'pose', 'expression', 'type', 'time', 'date']);

/**
 * Every string of the frontmatter as templates get it: YAML escapes, quotes and line folding
 * decoded, and trimmed where the schema trims (the value in `fields`), with the source range of
 * every character. Aliases are followed to their anchor.
 */
export function decodedFrontmatter(md: MarkdownFile, fields: unknown): { field: string; mapped: Mapped }[] {
  const out: { field: string; mapped: Mapped }[] = [];
  const seen = new Set<Node>();
  let visits = 0;
  const walk = (node: Node | null | undefined, path: YamlPath) => {
    if (isAlias(node)) node = node.resolve(md.doc) as Node | undefined;
    // aliases are followed (an aliased text is drawn too), within the loader's alias budget
    if (!node || seen.has(node) || ++visits > 20_000) return;
    if (isMap(node)) {
      seen.add(node);
      for (const pair of node.items) if (isScalar(pair.key)) walk(pair.value as Node, [...path, String(pair.key.value)]);
      seen.delete(node);
    } else if (isSeq(node)) {
      seen.add(node);
      node.items.forEach((item, i) => walk(item as Node, [...path, i]));
      seen.delete(node);
    } else if (isScalar(node) && typeof node.value === 'string' && node.range) {
      const key = [...path].reverse().find((p): p is string => typeof p === 'string');
      if (key && NOT_DRAWN.has(key)) return;
      const mapped = decodedScalar(md, node);
      const value = valueAt(fields, path);
      const final = typeof value === 'string' && value !== mapped.text && value === mapped.text.trim() ? trimMapped(mapped) : mapped;
      const mappedValue = typeof value === 'string' && value !== final.text ? synthetic(value, final.start[0] ?? md.yaml.base + node.range[0], md.yaml.base + node.range[1]) : final;
      out.push({ field: path.join('.'), mapped: mappedValue });
      // what a link carries encoded (a QR code of …?p=%31%33%38…) is judged as it reads once decoded
      const hidden = encodedReading(mappedValue.text);
      if (hidden) out.push({ field: `${path.join('.')}:decoded`, mapped: synthetic(hidden, md.yaml.base + node.range[0], md.yaml.base + node.range[1]) });
    } else if (isScalar(node) && typeof node.value === 'number' && node.range && path.at(-1) === 'value') {
      // a chart value as typed: drawn (formatted) on the image, so a client detail typed as a number is linted too
      const [from, to] = [md.yaml.base + node.range[0], md.yaml.base + node.range[1]];
      const typed = md.source.text.slice(from, to).trimEnd();
      out.push({ field: path.join('.'), mapped: align(typed, md.source.text, from, to, []) });
    }
  };
  walk(md.doc.contents as Node, []);
  return out;
}

function decodedScalar(md: MarkdownFile, node: Scalar): Mapped {
  let [from, to] = node.range!;
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) from = md.yaml.yaml.indexOf('\n', from) + 1 || to;
  const decoders = node.type === Scalar.QUOTE_DOUBLE ? [yamlDoubleEscape] : node.type === Scalar.QUOTE_SINGLE ? [yamlSingleQuote] : [];
  return align(node.value as string, md.source.text, md.yaml.base + from, md.yaml.base + to, decoders);
}

/** The texts of a loaded brief as drawn and pasted (decoded, mapped back to the source). */
export function decodedSpans(md: MarkdownFile, fields: unknown): TextSpan[] {
  const spans = decodedFrontmatter(md, fields).map(({ field, mapped }) => mappedSpan(field, mapped, md.source));
  spans.push(mappedSpan('body', bodyMapped(md), md.source));
  return spans;
}

/**
 * The texts of a brief file as drawn (decoded, with `map`), for `wendu lint` and other tools that
 * do not run the loader: lint them with `lintMapped` (pipeline/check/texts.ts) to get findings at
 * the typed characters. `briefSpans` stays the exact source slices that `--fix` rewrites.
 */
export function decodedBriefSpans(file: string, bytes: Uint8Array): { spans: TextSpan[]; problems: Problem[] } {
  const { md, problems } = parseMarkdown(file, bytes);
  if (!md) return { spans: [], problems };
  try {
    return { spans: decodedSpans(md, toData(md.doc)), problems };
  } catch (err) {
    return { spans: [], problems: [md.source.problem('load/yaml-aliases', `YAML aliases expand too far (${(err as Error).message})`, md.yaml.base)] };
  }
}
