// Filled HTML → satori's element tree, through a maintained parser (htmlparser2): entities are
// decoded once (Handlebars escaped them once), text keeps its spaces, and attribute values may hold
// any character. satori-html does none of these (see RENDERING.md).
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import styleToJs from 'style-to-js';

export interface SatoriElement {
  type: string;
  props: { style?: Record<string, string | number>; children?: SatoriChild | SatoriChild[]; [attr: string]: unknown };
}
export type SatoriChild = SatoriElement | string;

export interface HtmlOptions {
  /** images templates may draw, by name: `<img src="asset:photo">`; nothing else may be loaded */
  assets: Record<string, string>;
}

export class TemplateError extends Error {}

export function htmlToElement(html: string, options: HtmlOptions): SatoriElement {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseAttributeNames: false, recognizeSelfClosing: true });
  const roots = doc.children.map((n) => convert(n, options)).filter((c): c is SatoriElement => typeof c === 'object' && c !== null);
  if (roots.length !== 1) throw new TemplateError(`A template must have exactly one root element, found ${roots.length}`);
  return roots[0]!;
}

function convert(node: ChildNode, options: HtmlOptions): SatoriChild | null {
  if (node.type === 'text') {
    // indentation between tags is template layout, not text; any other whitespace is kept
    return /^\s*$/.test(node.data) && node.data.includes('\n') ? null : node.data;
  }
  if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return null;
  const el = node as Element;
  if (el.name === 'script' || el.name === 'style') throw new TemplateError(`<${el.name}> is not supported in templates: use inline style attributes`);
  const props: SatoriElement['props'] = {};
  for (const [name, value] of Object.entries(el.attribs)) {
    if (name === 'style') props.style = parseStyle(value);
    else if (name === 'class') continue;
    else props[name] = value;
  }
  if (el.name === 'img') {
    const src = String(props.src ?? '');
    const m = /^asset:([\w-]+)$/.exec(src);
    if (!m) throw new TemplateError(`<img src="${src.slice(0, 40)}"> is not allowed: templates draw only named assets (src="asset:NAME")`);
    const data = options.assets[m[1]!];
    if (!data) throw new TemplateError(`Template asks for asset \`${m[1]}\`, which this job does not provide; provided: ${Object.keys(options.assets).join(', ') || 'none'}`);
    props.src = data;
  }
  const children = el.children.map((c) => convert(c, options)).filter((c): c is SatoriChild => c !== null);
  if (children.length === 1) props.children = children[0];
  else if (children.length > 1) props.children = children;
  return { type: el.name, props };
}

/** Inline CSS → satori style object; every box is border-box so padding never overflows a canvas. */
function parseStyle(css: string): Record<string, string | number> {
  const style = styleToJs(css, { reactCompat: true }) as Record<string, string>;
  return { boxSizing: 'border-box', ...style };
}

/** Depth-first walk over elements. */
export function* elements(root: SatoriChild): Generator<SatoriElement> {
  if (typeof root === 'string') return;
  yield root;
  const c = root.props.children;
  for (const child of Array.isArray(c) ? c : c === undefined ? [] : [c]) yield* elements(child);
}

/** The text an element draws, children included. */
export function textOf(root: SatoriChild | undefined): string {
  if (root === undefined) return '';
  if (typeof root === 'string') return root;
  const c = root.props.children;
  return (Array.isArray(c) ? c : c === undefined ? [] : [c]).map(textOf).join('');
}
