/** Encodes tag lists as bitsets over a fixed vocabulary, so overlaps are AND + popcount over a few words. */
export class TagVocabulary {
  private readonly bitOf = new Map<string, number>();

  constructor(tags: Iterable<string>) {
    for (const tag of tags) if (!this.bitOf.has(normaliseTag(tag))) this.bitOf.set(normaliseTag(tag), this.bitOf.size);
  }

  get words(): number {
    return Math.max(1, Math.ceil(this.bitOf.size / 32));
  }

  /** One row of `words` words per list; tags outside the vocabulary cannot overlap anything and are dropped. */
  encode(lists: readonly (readonly string[])[]): Uint32Array {
    const words = this.words;
    const bits = new Uint32Array(lists.length * words);
    lists.forEach((tags, row) => {
      for (const tag of tags) {
        const bit = this.bitOf.get(normaliseTag(tag));
        if (bit !== undefined) bits[row * words + (bit >>> 5)] |= 1 << (bit & 31);
      }
    });
    return bits;
  }
}

/** Tags match ignoring case and surrounding spaces. */
export function normaliseTag(tag: string): string {
  return tag.trim().toLowerCase();
}

export function countShared(a: Uint32Array, aRow: number, b: Uint32Array, bRow: number, words: number): number {
  let shared = 0;
  for (let w = 0; w < words; w++) shared += popcount(a[aRow * words + w] & b[bRow * words + w]);
  return shared;
}

/** Bits of b's row that a's row lacks. */
export function countMissing(a: Uint32Array, aRow: number, b: Uint32Array, bRow: number, words: number): number {
  let missing = 0;
  for (let w = 0; w < words; w++) missing += popcount(~a[aRow * words + w] & b[bRow * words + w]);
  return missing;
}

/** Whether b's row has a bit that a's row lacks. */
export function lacksAny(a: Uint32Array, aRow: number, b: Uint32Array, bRow: number, words: number): boolean {
  for (let w = 0; w < words; w++) if ((~a[aRow * words + w] & b[bRow * words + w]) !== 0) return true;
  return false;
}

export function countBits(a: Uint32Array, row: number, words: number): number {
  let count = 0;
  for (let w = 0; w < words; w++) count += popcount(a[row * words + w]);
  return count;
}

export function popcount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
