import { createParser } from 'eventsource-parser';

/** Reads server-sent events from a fetch Response (or `app.request()` result) as parsed JSON values. */
export class SseReader {
  private readonly queue: unknown[] = [];
  private waiters: (() => void)[] = [];
  private ended = false;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;

  constructor(response: Response) {
    if (!response.body) throw new Error('response has no body');
    const reader = response.body.getReader();
    this.reader = reader;
    const parser = createParser({
      onEvent: (event) => {
        this.queue.push(JSON.parse(event.data) as unknown);
        this.wake();
      },
    });
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parser.feed(decoder.decode(value, { stream: true }));
        }
      } catch {
        // cancelled
      } finally {
        this.ended = true;
        this.wake();
      }
    })();
  }

  private wake() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  get closed(): boolean {
    return this.ended;
  }

  /** The next event, or throws after `timeoutMs` / when the stream ends. */
  async next(timeoutMs = 10_000): Promise<unknown> {
    const deadline = Date.now() + timeoutMs;
    while (this.queue.length === 0) {
      if (this.ended) throw new Error('stream ended');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.queue.shift();
  }

  /** Waits until the stream ends (server closed it). */
  async waitClosed(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      if (Date.now() > deadline) throw new Error(`stream still open after ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  async close(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }
}
