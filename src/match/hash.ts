// 32-bit hashing helpers shared by the word index (match/word-index.ts) and discovery's pair index.

/** Spread a hash state over all bits, so that tables may use the low ones (murmur3's finaliser). */
export function mix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}
