import { createHash } from 'node:crypto';

/** Number of hash functions in a signature; LSH splits it into BANDS bands of ROWS rows. */
const HASHES = 128;
const BANDS = 32;
const ROWS = HASHES / BANDS;
const SHINGLE_WORDS = 4;

/** Words of a text for shingling: lowercased, diacritics and punctuation dropped. */
function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The set of 4-word shingles of a text, each hashed to 32 bits. */
export function shingles(text: string): Set<number> {
  const w = words(text);
  const out = new Set<number>();
  if (w.length < SHINGLE_WORDS) {
    if (w.length > 0) out.add(hash32(w.join(' '), 0));
    return out;
  }
  for (let i = 0; i + SHINGLE_WORDS <= w.length; i++) out.add(hash32(w.slice(i, i + SHINGLE_WORDS).join(' '), 0));
  return out;
}

/** 32-bit FNV-1a of a string, seeded. */
function hash32(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

// Fixed seeds for the HASHES hash functions, derived from a hash of their index so that
// signatures are identical across runs and machines.
const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => createHash('sha256').update(`minhash-${i}`).digest().readUInt32LE(0));

/** A 32-bit mix of a shingle hash with a seed (murmur3's finaliser): fast, and well spread. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** MinHash signature of a shingle set. */
export function minHashSignature(set: Set<number>): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < HASHES; i++) {
      const v = mix(x, SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two signatures. */
export function estimatedSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

/** The LSH band keys of a signature: two items sharing any key are candidate duplicates. */
export function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    keys.push(`${band}:${Array.from(sig.subarray(band * ROWS, (band + 1) * ROWS)).join(',')}`);
  }
  return keys;
}

/** Exact Jaccard similarity of two shingle sets. */
export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
