import { encodeCheckpoint, type Checkpoint } from './checkpoint';
import type { PageBuffers } from './page-buffers';

/** A pull answer ready to send: the UTF-8 body and what the route needs besides (audit, next page). */
export interface PullPage {
  /** `{"documents":[...],"checkpoint":...}` as UTF-8. Valid until `release()`. */
  body: Uint8Array<ArrayBuffer>;
  /** The ids of the documents in the answer, in order (for the audit log). */
  ids: string[];
  count: number;
  checkpoint: Checkpoint | undefined;
  /** Hands the body's buffer back for reuse: call once nothing can read `body` any more. Idempotent. */
  release(): void;
}

const head = '{"documents":[';
const comma = 0x2c;
const closeBrace = 0x7d;
const openBrace = 0x7b;

function isJsonSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/**
 * Writes a pull answer straight into one buffer, document by document as the rows arrive, so that
 * no page ever exists as megabytes of strings on the JavaScript heap (ADR 0008). A stored document
 * is copied as Postgres printed it, with `"_deleted"` written in before its closing brace.
 *
 * A row whose caller may only see a tombstone of its previous version gets a slot instead (the
 * previous version is read after the page's rows); `fillSlots` puts the tombstones in, in order.
 */
export class PullAnswerWriter {
  private buffer: Buffer;
  private length = 0;
  /** Byte ranges of the documents written, in order; -1 marks a slot waiting for a tombstone. */
  private starts: number[] = [];
  private ends: number[] = [];
  private ids: string[] = [];
  private slots = 0;

  constructor(private readonly buffers: PageBuffers) {
    this.buffer = buffers.take(0);
    this.length = this.buffer.write(head, 0, 'latin1');
  }

  /** Documents and slots so far. */
  get count(): number {
    return this.ids.length;
  }

  /**
   * Appends a stored document (a JSON object: UTF-8 bytes from Postgres, or text) with its
   * `_deleted` flag.
   */
  addStored(id: string, data: Uint8Array | string, deleted: boolean): void {
    this.separate();
    const start = this.length;
    this.put(data);
    let end = this.length - 1;
    while (end > start && isJsonSpace(this.buffer[end])) end--;
    if (this.buffer[end] !== closeBrace) throw new Error(`stored document ${id} is not a JSON object`);
    let before = end - 1;
    while (before > start && isJsonSpace(this.buffer[before])) before--;
    this.length = end;
    this.put(`${this.buffer[before] === openBrace ? '' : ','}"_deleted":${deleted ? 'true' : 'false'}}`);
    this.record(id, start, this.length);
  }

  /** Appends a finished wire document (a tombstone the route built). */
  addWire(id: string, json: string): void {
    this.separate();
    const start = this.length;
    this.put(json);
    this.record(id, start, this.length);
  }

  /** Reserves the place of a tombstone for `id`, filled (or dropped) by `fillSlots`. */
  addSlot(id: string): void {
    this.record(id, -1, -1);
    this.slots++;
  }

  /** Whether any slot waits for `fillSlots`. */
  get hasSlots(): boolean {
    return this.slots > 0;
  }

  /**
   * Puts each slot's tombstone in its place (`tombstoneOf(id)`), or drops the slot when there is
   * none. Rewrites the page once, into a fresh buffer; pages with slots are rare.
   */
  fillSlots(tombstoneOf: (id: string) => string | undefined): void {
    if (this.slots === 0) return;
    const old = this.buffer;
    const { starts, ends, ids } = this;
    this.buffer = this.buffers.take(old.length);
    this.length = this.buffer.write(head, 0, 'latin1');
    this.starts = [];
    this.ends = [];
    this.ids = [];
    this.slots = 0;
    for (const [i, id] of ids.entries()) {
      const start = starts[i] ?? -1;
      if (start >= 0) {
        this.separate();
        const at = this.length;
        this.put(old.subarray(start, ends[i]));
        this.record(id, at, this.length);
        continue;
      }
      const tombstone = tombstoneOf(id);
      if (tombstone !== undefined) this.addWire(id, tombstone);
    }
    this.buffers.give(old);
  }

  /** Ends the answer with its checkpoint. The writer must not be used afterwards. */
  finish(checkpoint: Checkpoint | undefined): PullPage {
    if (this.slots > 0) throw new Error('fillSlots must run before finish');
    this.put(`],"checkpoint":${JSON.stringify(checkpoint ? encodeCheckpoint(checkpoint) : null)}}`);
    const buffer = this.buffer;
    let released = false;
    return {
      body: buffer.subarray(0, this.length) as Buffer<ArrayBuffer>,
      ids: this.ids,
      count: this.ids.length,
      checkpoint,
      release: () => {
        if (released) return;
        released = true;
        this.buffers.give(buffer);
      },
    };
  }

  /** Gives the buffer back without answering (the read failed). */
  abandon(): void {
    this.buffers.give(this.buffer);
  }

  private record(id: string, start: number, end: number): void {
    this.ids.push(id);
    this.starts.push(start);
    this.ends.push(end);
  }

  private separate(): void {
    if (this.length > head.length) this.put(comma);
  }

  private put(data: Uint8Array | string | number): void {
    if (typeof data === 'number') {
      this.reserve(1);
      this.buffer[this.length++] = data;
    } else if (typeof data === 'string') {
      // A character takes at most three bytes; only text near the end of the buffer is measured.
      if (this.buffer.length - this.length < data.length * 3) this.reserve(Buffer.byteLength(data, 'utf8'));
      this.length += this.buffer.write(data, this.length, 'utf8');
    } else {
      this.reserve(data.length);
      this.buffer.set(data, this.length);
      this.length += data.length;
    }
  }

  private reserve(bytes: number): void {
    if (this.buffer.length - this.length >= bytes) return;
    const grown = this.buffers.take(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffers.give(this.buffer);
    this.buffer = grown;
  }
}
