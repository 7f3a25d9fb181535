// Markdown files with YAML frontmatter (briefs and personas), parsed with unified/remark.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import { isMap, isScalar, isSeq, Scalar, type Document, type Node } from 'yaml';
import type { Root, RootContent } from 'mdast';
import type { Position, Problem, TextSpan } from '../model.ts';
import { decode, SourceText } from './source.ts';
import { NON_TEXT_KEYS } from './schema.ts';
import { parseYaml, type YamlPath, type YamlSource } from './yaml.ts';

export interface MarkdownFile {
  source: SourceText;
  yaml: YamlSource;
  doc: Document;
  /** the body as written, after the closing `---` */
  body: string;
  bodyStart: Position;
  /** the body's blocks as plain text, Markdown syntax removed */
  paragraphs: string[];
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

export function parseMarkdown(file: string, bytes: Uint8Array): { md?: MarkdownFile; problems: Problem[] } {
  const { source, problem } = decode(file, bytes);
  if (!source) return { problems: [problem!] };
  if (source.text.trim() === '') {
    return { problems: [source.problem('load/empty', 'Empty file: expected YAML frontmatter between two `---` lines, then the text', 0)] };
  }
  const tree = processor.parse(source.text) as Root;
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
  const paragraphs = tree.children
    .slice(1)
    .flatMap(blockTexts)
    .map((t) => t.trim())
    .filter(Boolean);
  return { md: { source, yaml, doc: parsed.doc, body, bodyStart: source.position(bodyOffset), paragraphs }, problems: [] };
}

function blockTexts(node: RootContent): string[] {
  if (node.type === 'list') return node.children.map((item) => `· ${joinLines(toString(item))}`);
  if (node.type === 'yaml' || node.type === 'html' || node.type === 'thematicBreak') return [];
  return [joinLines(toString(node))];
}

/** Chinese and full-width characters, between which a soft line break is no space at all. */
const WIDE = /[\u2E80-\u9FFF\u3000-\u303F\uFF00-\uFFEF—…“”‘’]/u;

/** Soft line breaks inside a paragraph: nothing next to Chinese text, one space between Latin words. */
export function joinLines(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, (m, offset: number, s: string) =>
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

