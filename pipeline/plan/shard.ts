// Shards: `--shard I/N` builds the branches whose id hashes to I. A hash of the id (not the
// branch's place in branches.yaml) keeps a branch in the same shard when branches are added or
// removed, so its cache and its outputs stay where they were.
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based */
  index: number;
  count: number;
}

/** `2/3` → { index: 2, count: 3 }; undefined when it is not `I/N` with 1 ≤ I ≤ N. */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : undefined;
}

/** The shard (1-based) a branch belongs to among `count`. */
export function shardOf(branchId: string, count: number): number {
  const h = createHash('sha256').update(branchId).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

export const inShard = (branchId: string, shard: Shard) => shardOf(branchId, shard.count) === shard.index;
