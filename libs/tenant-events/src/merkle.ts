/**
 * RFC 6962 Merkle tree hash (Certificate Transparency): leaves are hashed as H(0x00 || data),
 * interior nodes as H(0x01 || left || right), and a tree of n leaves splits at the largest power
 * of two below n. Inclusion proofs are the RFC's audit paths, so an auditor can check one leaf
 * against a signed root with log2(n) hashes and nothing else from the log.
 */
import { createHash, hash } from 'node:crypto';

const sha256 = (...parts: Buffer[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

export const merkleLeafHash = (data: string | Buffer): Buffer => sha256(LEAF, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
/** merkleLeafHash of a string, as hex, in one call: U+0000 is the single byte 0x00 in UTF-8 (checkpoints hash a leaf per stream). */
export const merkleLeafHex = (text: string): string => hash('sha256', `\u0000${text}`, 'hex');
const nodeHash = (l: Buffer, r: Buffer): Buffer => sha256(NODE, l, r);

/** Largest power of two strictly below n (n >= 2). */
const split = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/** Root over already-hashed leaves (hex). The empty tree's root is SHA-256 of nothing. */
export function merkleRoot(leafHashes: readonly string[]): string {
  if (leafHashes.length === 0) return sha256().toString('hex');
  let level: Buffer[] = leafHashes.map((h) => Buffer.from(h, 'hex'));
  // Bottom-up pairing gives the same tree as the RFC's recursive split: an odd node is promoted.
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? nodeHash(level[i], level[i + 1]) : level[i]);
    level = next;
  }
  return level[0].toString('hex');
}

/** RFC 6962 audit path for leaf `index` (hex sibling hashes, leaf to root). */
export function merkleInclusionProof(leafHashes: readonly string[], index: number): string[] {
  if (index < 0 || index >= leafHashes.length) throw new RangeError(`leaf ${index} is outside a tree of ${leafHashes.length}`);
  const path = (lo: number, hi: number, m: number): string[] => {
    const n = hi - lo;
    if (n === 1) return [];
    const k = split(n);
    return m < k ? [...path(lo, lo + k, m), merkleRoot(leafHashes.slice(lo + k, hi))] : [...path(lo + k, hi, m - k), merkleRoot(leafHashes.slice(lo, lo + k))];
  };
  return path(0, leafHashes.length, index);
}

/** RFC 9162 section 2.1.3.2: recomputes the root from a leaf hash, its index, the tree size and the path. */
export function verifyMerkleInclusion(leafHash: string, index: number, treeSize: number, proof: readonly string[], root: string): boolean {
  if (!Number.isInteger(index) || !Number.isInteger(treeSize) || index < 0 || index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r: Buffer = Buffer.from(leafHash, 'hex');
  for (const p of proof) {
    if (sn === 0) return false;
    const sibling = Buffer.from(p, 'hex');
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(sibling, r);
      if (fn % 2 === 0)
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
    } else {
      r = nodeHash(r, sibling);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r.toString('hex') === root;
}
