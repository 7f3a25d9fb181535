// Test helpers: the sample content folder as an in-memory tree that a test can edit.
import { readContentTree } from '../../pipeline/cli/files.ts';
import type { ContentTree } from '../../pipeline/load/content.ts';

export const CONTENT_DIR = new URL('../../content/', import.meta.url).pathname;

let sample: ContentTree | undefined;

/** A fresh copy of the sample content tree, named `content` in messages. */
export async function sampleTree(): Promise<ContentTree> {
  sample ??= await readContentTree(CONTENT_DIR);
  return { root: 'content', files: new Map(sample.files), paths: new Set(sample.paths) };
}

export const text = (tree: ContentTree, rel: string) => new TextDecoder().decode(tree.files.get(rel));

export function put(tree: ContentTree, rel: string, content: string | Uint8Array): ContentTree {
  tree.files.set(rel, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  tree.paths.add(rel);
  return tree;
}
