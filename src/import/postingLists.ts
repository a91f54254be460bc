/**
 * Lists of integers under integer list ids, all in a few flat typed arrays: an index of 100,000s of subjects holds
 * millions of entries in 100,000s of mostly one-entry lists, and an array per list costs more in garbage
 * collection than the matching itself. Each list is linked from its newest entry, so its newest few are read
 * without walking the rest.
 */
export class PostingLists {
  private heads = new Int32Array(1024).fill(-1);
  private next = new Int32Array(4096);
  private values = new Int32Array(4096);
  private size = 0;
  /** Where `newest` leaves the values it read. */
  private scratch = new Int32Array(128);

  add(list: number, value: number): void {
    if (list >= this.heads.length) {
      const heads = new Int32Array(Math.max(2 * this.heads.length, list + 1)).fill(-1);
      heads.set(this.heads);
      this.heads = heads;
    }
    if (this.size === this.values.length) {
      this.next = grown(this.next);
      this.values = grown(this.values);
    }
    const entry = this.size++;
    this.values[entry] = value;
    this.next[entry] = this.heads[list] as number;
    this.heads[list] = entry;
  }

  /** The values the last `newest` call read, oldest first; overwritten by the next call. */
  get read(): Int32Array {
    return this.scratch;
  }

  /** Reads the newest `max` values of a list (all of them for Infinity) into `read`; returns how many there were. */
  newest(list: number, max: number): number {
    let count = 0;
    for (let entry = list < this.heads.length ? (this.heads[list] as number) : -1; entry >= 0 && count < max; entry = this.next[entry] as number) {
      if (count === this.scratch.length) this.scratch = grown(this.scratch);
      this.scratch[count++] = this.values[entry] as number;
    }
    for (let i = 0, j = count - 1; i < j; i++, j--) {
      const value = this.scratch[i] as number;
      this.scratch[i] = this.scratch[j] as number;
      this.scratch[j] = value;
    }
    return count;
  }
}

function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
