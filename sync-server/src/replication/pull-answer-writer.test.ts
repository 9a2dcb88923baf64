import { describe, expect, it } from 'vitest';
import { decodeCheckpoint } from './checkpoint';
import { PageBuffers } from './page-buffers';
import { PullAnswerWriter, type PullPage } from './pull-answer-writer';

/** Stored documents as Postgres prints jsonb (`", "` and `": "`), in the scripts a chart may hold. */
const stored = [
  { id: 'a', text: '{"id": "a", "narrative": "plain ASCII"}' },
  { id: 'b', text: '{"id": "b", "patient": {"lastName": "Müller-Ošťádal"}, "narrative": "45 µg, 38 °C"}' },
  { id: 'c', text: '{"id": "c", "narrative": "患者は意識あり 🚑 — 👍🏽", "tags": ["\\u0000-free", "\\"quoted\\"", "}"]}' },
  { id: 'd', text: '{"id": "d"}' },
  { id: 'e', text: '{}' },
];

interface Answer {
  documents: Record<string, unknown>[];
  checkpoint: string | null;
}

function parse(page: PullPage): Answer {
  return JSON.parse(Buffer.from(page.body).toString('utf8')) as Answer;
}

function expected(i: number, deleted: boolean): Record<string, unknown> {
  return { ...(JSON.parse(stored[i]?.text ?? '') as object), _deleted: deleted };
}

describe('PullAnswerWriter', () => {
  it('writes each stored document with its _deleted flag, from Postgres bytes or from text alike', () => {
    for (const form of ['bytes', 'text'] as const) {
      const writer = new PullAnswerWriter(new PageBuffers(0));
      for (const [i, doc] of stored.entries()) {
        writer.addStored(doc.id, form === 'bytes' ? Buffer.from(doc.text, 'utf8') : doc.text, i % 2 === 1);
      }
      const page = writer.finish({ txid: 981n, id: 'e' });
      const answer = parse(page);
      expect(answer.documents).toEqual(stored.map((_, i) => expected(i, i % 2 === 1)));
      expect(decodeCheckpoint(answer.checkpoint ?? undefined)).toEqual({ txid: 981n, id: 'e' });
      expect(page.ids).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(page.count).toBe(5);
    }
  });

  it('answers an empty page with the checkpoint it was given, or null', () => {
    expect(parse(new PullAnswerWriter(new PageBuffers(0)).finish(undefined))).toEqual({ documents: [], checkpoint: null });
    const page = new PullAnswerWriter(new PageBuffers(0)).finish({ txid: 5n, id: 'x' });
    expect(parse(page).documents).toEqual([]);
    expect(page.count).toBe(0);
  });

  it('grows past its first buffer for pages of text that needs two to four bytes a character', () => {
    const writer = new PullAnswerWriter(new PageBuffers(0, 64));
    const docs = Array.from({ length: 60 }, (_, i) => ({ id: `h${i}`, narrative: (i % 2 ? '患者' : 'Ωµ🚑').repeat(400 + i) }));
    for (const [i, doc] of docs.entries()) {
      const text = JSON.stringify(doc);
      writer.addStored(doc.id, i % 3 === 0 ? Buffer.from(text) : text, false);
    }
    expect(parse(writer.finish(undefined)).documents).toEqual(docs.map((doc) => ({ ...doc, _deleted: false })));
  });

  it('puts tombstones into their slots in order and leaves out slots without one', () => {
    const tombstone = (id: string) => JSON.stringify({ id, updatedAt: '2026-11-01T10:00:00.000Z', _deleted: true });
    const cases: { slots: string[]; filled: string[] }[] = [
      { slots: ['s1', 'a', 's2', 'b', 's3'], filled: ['s1', 's3'] },
      { slots: ['s1', 's2'], filled: [] },
      { slots: ['s1', 'a'], filled: [] },
      { slots: ['a', 's1'], filled: ['s1'] },
    ];
    for (const { slots, filled } of cases) {
      const writer = new PullAnswerWriter(new PageBuffers(0));
      for (const id of slots) {
        if (id.startsWith('s')) writer.addSlot(id);
        else writer.addStored(id, stored[id === 'a' ? 0 : 1]?.text ?? '', false);
      }
      expect(writer.count).toBe(slots.length);
      expect(() => writer.finish(undefined)).toThrow(/fillSlots/);
      writer.fillSlots((id) => (filled.includes(id) ? tombstone(id) : undefined));
      const kept = slots.filter((id) => !id.startsWith('s') || filled.includes(id));
      const page = writer.finish(undefined);
      expect(page.ids).toEqual(kept);
      expect(parse(page).documents.map((d) => [d.id, d._deleted])).toEqual(
        kept.map((id) => [id, id.startsWith('s') ? true : false]),
      );
    }
  });

  it('refuses a stored value that is not a JSON object', () => {
    for (const text of ['["not", "an", "object"]', '"text"', '', '{"id": "a"']) {
      expect(() => new PullAnswerWriter(new PageBuffers(0)).addStored('x', text, false)).toThrow(/not a JSON object/);
    }
  });

  it('sends only its own bytes from a reused buffer that still holds a longer page', () => {
    const buffers = new PageBuffers(64 << 20);
    const long = new PullAnswerWriter(buffers);
    for (let i = 0; i < 200; i++) long.addStored(`north-${i}`, `{"id": "north-${i}", "agencyId": "north", "narrative": "${'x'.repeat(500)}"}`, false);
    const longPage = long.finish(undefined);
    longPage.release();
    expect(buffers.pooledBytes).toBeGreaterThan(0);

    const short = new PullAnswerWriter(buffers);
    expect(buffers.pooledBytes).toBe(0);
    short.addStored('a', stored[0]?.text ?? '', false);
    const page = short.finish(undefined);
    expect(Buffer.from(page.body).toString('utf8')).toBe(`{"documents":[{"id": "a", "narrative": "plain ASCII","_deleted":false}],"checkpoint":null}`);
  });

  it('gives its buffer back once, however often the page is released', () => {
    const buffers = new PageBuffers(64 << 20);
    const page = new PullAnswerWriter(buffers).finish(undefined);
    page.release();
    const pooled = buffers.pooledBytes;
    page.release();
    expect(buffers.pooledBytes).toBe(pooled);
  });
});
