/**
 * A minimal server-sent-events parser for `fetch` bodies (EventSource cannot send an
 * Authorization header). Feed it text chunks; it returns the `data` of every complete event.
 */
export class SseParser {
  private buffer = '';

  feed(chunk: string): string[] {
    this.buffer += chunk.replace(/\r\n?/g, '\n');
    const events: string[] = [];
    let end = this.buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const data = block.split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''));
      if (data.length > 0) events.push(data.join('\n'));
      end = this.buffer.indexOf('\n\n');
    }
    return events;
  }
}
