// `--shard K/N`: a stable split of a scan across N runners (a CI matrix). Each file goes to the shard
// its path hashes to, except Terraform: a module directory's files all go where the directory hashes
// to, since `var.x`, bucket policies and the like are resolved across the module's files. Paths are
// hashed as displayed (relative to the working directory, `/`-separated), so every runner of a matrix
// that checks out the repository at the same place agrees on the split.
import { UsageError } from './discover';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || count > 1024 || index < 1 || index > count) throw new UsageError(`--shard must be K/N with 1 <= K <= N <= 1024, not "${text}"`);
  return { index, count };
}

/** FNV-1a, 32 bits: fast, and the same on every platform and Node version. */
export function pathHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function inShard(key: string, shard: Shard | undefined): boolean {
  return !shard || pathHash(key) % shard.count === shard.index - 1;
}

/** The SARIF `runAutomationDetails.id` of a shard: one category per shard, so uploads do not replace each other. */
export function shardAutomationId(shard: Shard | undefined): string | undefined {
  return shard && shard.count > 1 ? `enclint/shard-${shard.index}-of-${shard.count}/` : undefined;
}
