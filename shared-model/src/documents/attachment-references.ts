import { sha256Pattern } from './json-schema';

const sha256Value = new RegExp(sha256Pattern);

/** Deeper than any document the schemas allow; a guard for hostile input, not a limit in practice. */
const maxDepth = 64;

/**
 * The attachments a document references: every string value that is a SHA-256 in lowercase hex (the
 * address of a photo, signature or file attachment), once each, sorted. The server keeps this list per
 * document version so an attachment read can find the documents that grant it (a caller may read an
 * attachment only when they may read a document that references it).
 */
export function attachmentReferencesOf(doc: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, depth: number): void => {
    if (typeof value === 'string') {
      if (value.length === 64 && sha256Value.test(value)) found.add(value);
      return;
    }
    if (typeof value !== 'object' || value === null || depth > maxDepth) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    for (const key in value) visit((value as Record<string, unknown>)[key], depth + 1);
  };
  visit(doc, 0);
  return [...found].sort();
}
