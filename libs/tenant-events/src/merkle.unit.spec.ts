import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { merkleInclusionProof, merkleLeafHash, merkleLeafHex, merkleRoot, verifyMerkleInclusion } from './merkle.js';

const leaves = (n: number) => Array.from({ length: n }, (_, i) => merkleLeafHash(`leaf ${i}`).toString('hex'));
const node = (l: string, r: string) =>
  createHash('sha256')
    .update(Buffer.from([1]))
    .update(Buffer.from(l, 'hex'))
    .update(Buffer.from(r, 'hex'))
    .digest('hex');

describe('RFC 6962 Merkle tree', () => {
  it('merkleLeafHex is merkleLeafHash of the same text, as hex', () => {
    expect(merkleLeafHex('["s",1,2,"d"]')).toBe(
      createHash('sha256')
        .update(Buffer.from([0]))
        .update('["s",1,2,"d"]', 'utf8')
        .digest('hex'),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(merkleLeafHex(text)).toBe(merkleLeafHash(text).toString('hex'));
      }),
      { numRuns: 300 },
    );
  });

  it('hashes a small tree as the RFC splits it (largest power of two below n)', () => {
    const [a, b, c, d, e] = leaves(5);
    expect(merkleRoot([a])).toBe(a);
    expect(merkleRoot([a, b, c])).toBe(node(node(a, b), c));
    expect(merkleRoot([a, b, c, d, e])).toBe(node(node(node(a, b), node(c, d)), e));
    expect(merkleRoot([])).toBe(createHash('sha256').digest('hex'));
  });

  it('proves every leaf of every tree size up to 33, and refuses a wrong leaf, index, size or root', () => {
    for (let n = 1; n <= 33; n++) {
      const ls = leaves(n);
      const root = merkleRoot(ls);
      for (let i = 0; i < n; i++) {
        const proof = merkleInclusionProof(ls, i);
        expect(verifyMerkleInclusion(ls[i], i, n, proof, root)).toBe(true);
        expect(verifyMerkleInclusion(merkleLeafHash('other').toString('hex'), i, n, proof, root)).toBe(false);
        if (n > 1) expect(verifyMerkleInclusion(ls[i], (i + 1) % n, n, proof, root)).toBe(false);
      }
    }
    expect(verifyMerkleInclusion(leaves(1)[0], 0, 1, [], merkleRoot(leaves(2)))).toBe(false);
  });
});
