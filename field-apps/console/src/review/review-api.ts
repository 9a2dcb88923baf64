import type { SessionManager } from '@field/kit';
import type { FieldConflict } from '@field/shared-model';

export type { FieldConflict };

export interface ConflictRecord {
  id: string;
  collection: string;
  documentId: string;
  userId: string;
  detail: FieldConflict[];
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface RefusedDocument {
  id: string;
  collection: string;
  documentId: string | null;
  userId: string;
  code: string;
  reason: string;
  document: unknown;
  createdAt: string;
}

/** react-query keys of the review queues. */
export const reviewQueryKeys = {
  openConflicts: ['review', 'conflicts', 'open'] as const,
  refusedDocuments: ['review', 'refused-documents'] as const,
};

/** Open conflicts of the supervisor's agency, newest first (the server orders them). */
export async function fetchOpenConflicts(session: SessionManager, signal?: AbortSignal): Promise<ConflictRecord[]> {
  const response = await session.fetch('/api/v1/review/conflicts?open=true', signal ? { signal } : {});
  const body = (await response.json()) as { conflicts?: ConflictRecord[] };
  return sortNewestFirst(body.conflicts ?? []);
}

export async function fetchRefusedDocuments(session: SessionManager, signal?: AbortSignal): Promise<RefusedDocument[]> {
  const response = await session.fetch('/api/v1/review/refused-documents', signal ? { signal } : {});
  const body = (await response.json()) as { refusedDocuments?: RefusedDocument[] };
  return sortNewestFirst(body.refusedDocuments ?? []);
}

/** Marks a conflict reviewed; the server answers 404 when someone already did. */
export async function resolveConflict(session: SessionManager, id: string): Promise<void> {
  await session.fetch(`/api/v1/review/conflicts/${encodeURIComponent(id)}/resolve`, { method: 'POST' });
}

export function sortNewestFirst<T extends { createdAt: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
