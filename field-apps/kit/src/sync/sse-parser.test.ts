import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('returns complete events across chunk boundaries and skips comments', () => {
    const parser = new SseParser();
    expect(parser.feed('data: "RES')).toEqual([]);
    expect(parser.feed('YNC"\n\n: keep-alive\n\ndata: {"documents":[],')).toEqual(['"RESYNC"']);
    expect(parser.feed('"checkpoint":"x"}\r\n\r\n')).toEqual(['{"documents":[],"checkpoint":"x"}']);
  });
});
