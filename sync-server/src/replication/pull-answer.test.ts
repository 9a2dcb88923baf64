import { describe, expect, it } from 'vitest';
import { pullAnswerBytes, pullAnswerJson, wireJson, type PullResult } from './pull';

/** What a device parses must not depend on which encoder the route used. */
describe('pullAnswerBytes', () => {
  const texts = [
    '{"id": "a", "narrative": "plain ASCII"}',
    '{"id": "b", "patient": {"lastName": "Müller-Ošťádal"}, "narrative": "45 µg, 38 °C"}',
    '{"id": "c", "narrative": "患者は意識あり 🚑 — 👍🏽", "tags": ["\\u0000-free", "\\"quoted\\""]}',
    '{"id": "d"}',
  ];

  const answers: PullResult[] = [
    { documents: [], ids: [], checkpoint: undefined },
    { documents: texts.map((t, i) => wireJson(t, i % 2 === 1)), ids: ['a', 'b', 'c', 'd'], checkpoint: { txid: 981n, id: 'd' } },
    { documents: [JSON.stringify({ id: 'gone', updatedAt: '2026-11-01T10:00:00.000Z', _deleted: true })], ids: ['gone'], checkpoint: { txid: 5n, id: 'gone' } },
  ];

  it('encodes exactly the UTF-8 of the JSON answer, for ASCII, accented, CJK and emoji text', () => {
    for (const answer of answers) {
      const bytes = pullAnswerBytes(answer);
      expect(Buffer.from(bytes).equals(Buffer.from(pullAnswerJson(answer), 'utf8'))).toBe(true);
      expect(JSON.parse(Buffer.from(bytes).toString('utf8'))).toEqual(JSON.parse(pullAnswerJson(answer)));
    }
  });

  it('grows its buffer for a page of text that needs two or three bytes per character', () => {
    const heavy = Array.from({ length: 60 }, (_, i) => wireJson(JSON.stringify({ id: `h${i}`, narrative: (i % 2 ? '患者' : 'Ωµ🚑').repeat(400 + i) }), false));
    const answer: PullResult = { documents: heavy, ids: heavy.map((_, i) => `h${i}`), checkpoint: { txid: 7n, id: 'h59' } };
    expect(Buffer.from(pullAnswerBytes(answer)).equals(Buffer.from(pullAnswerJson(answer), 'utf8'))).toBe(true);
  });

  it('keeps every document and the _deleted flags', () => {
    const parsed = JSON.parse(Buffer.from(pullAnswerBytes(answers[1]!)).toString('utf8')) as { documents: { id: string; _deleted: boolean }[]; checkpoint: string };
    expect(parsed.documents.map((d) => [d.id, d._deleted])).toEqual([['a', false], ['b', true], ['c', false], ['d', true]]);
    expect(typeof parsed.checkpoint).toBe('string');
  });
});
