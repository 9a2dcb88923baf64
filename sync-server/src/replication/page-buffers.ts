/**
 * Reusable buffers for pull answers (ADR 0008). A page of 500 charts is megabytes. Allocated fresh
 * for every page and dropped after it, such buffers made V8 start full collections every few pages
 * (it counts them as external memory): the server spent about twice the CPU per pull. A buffer
 * comes back with `give` once nothing can read it any more (the answer is written to the socket,
 * or a page read ahead is dropped); the pool keeps at most `maxBytes` of them.
 *
 * A buffer taken from the pool still holds an earlier page, possibly another agency's: whoever
 * takes one sends only the bytes it wrote itself (`PullAnswerWriter` answers with `subarray(0,
 * length)`), and gives it back only when its own answer can no longer be read from it.
 */
export class PageBuffers {
  /** Free buffers, largest first. */
  private readonly free: Buffer[] = [];
  private freeBytes = 0;

  /**
   * @param maxBytes the most memory kept in free buffers (0 keeps none: every buffer is new)
   * @param minBufferBytes the size of a new buffer when a smaller one is asked for
   */
  constructor(private readonly maxBytes: number, private readonly minBufferBytes = 1 << 20) {}

  /** Bytes held in free buffers now. */
  get pooledBytes(): number {
    return this.freeBytes;
  }

  /**
   * A buffer of at least `bytes`: the largest free one when it is large enough, else a new one,
   * rounded up to a power of two so that a grown buffer fits the next page of similar size.
   */
  take(bytes: number): Buffer {
    const largest = this.free[0];
    if (largest && largest.length >= bytes) {
      this.free.shift();
      this.freeBytes -= largest.length;
      return largest;
    }
    let size = this.minBufferBytes;
    while (size < bytes) size *= 2;
    return Buffer.allocUnsafeSlow(size);
  }

  /** Gives a buffer back. Nothing may read or write it afterwards. */
  give(buffer: Buffer): void {
    if (buffer.length > this.maxBytes || this.free.includes(buffer)) return;
    this.free.push(buffer);
    this.freeBytes += buffer.length;
    // Over the budget: let the smallest go first (the large ones are the expensive ones to make).
    this.free.sort((a, b) => b.length - a.length);
    while (this.freeBytes > this.maxBytes) {
      const dropped = this.free.pop();
      if (!dropped) break;
      this.freeBytes -= dropped.length;
    }
  }
}
