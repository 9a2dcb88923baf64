import { clear, createStore, entries, get, set, type UseStore } from 'idb-keyval';
import { describeError, FieldApiError } from '../session/api-errors';
import type { SessionManager } from '../session/session-manager';
import { sha256Hex } from '../session/sha256';
import { computeBackoffDelay } from '../sync/backoff';

interface StoredAttachment {
  blob: Blob;
  contentType: string;
  uploaded: boolean;
  storedAt: number;
}

export interface AttachmentStoreOptions {
  session: SessionManager;
  onQueuedChange?: (queued: number) => void;
  onError?: (message: string | undefined) => void;
  store?: UseStore;
}

/**
 * Photos and signatures: the blob is kept in IndexedDB until the server has it, then uploaded
 * with `PUT /api/v1/attachments/:sha256` (content-addressed, so a repeated upload is harmless).
 * Failed uploads are retried with backoff; the queued count feeds the sync indicator.
 */
export class AttachmentStore {
  private readonly store: UseStore;
  private uploading: Promise<void> | undefined;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly objectUrls = new Map<string, string>();

  constructor(private readonly options: AttachmentStoreOptions) {
    this.store = options.store ?? createStore('field-attachments', 'blobs');
  }

  /** Stores the blob (durably) and returns its SHA-256 address; the upload starts in the background. */
  async put(blob: Blob, contentType: string): Promise<string> {
    const sha256 = await sha256Hex(blob);
    const existing = await get<StoredAttachment>(sha256, this.store);
    if (!existing) await set(sha256, { blob, contentType, uploaded: false, storedAt: Date.now() } satisfies StoredAttachment, this.store);
    await this.reportQueued();
    this.uploadPending();
    return sha256;
  }

  /** A URL to show the attachment: the local copy, or fetched from the server (and kept). */
  async getObjectUrl(sha256: string): Promise<string> {
    const cached = this.objectUrls.get(sha256);
    if (cached) return cached;
    let stored = await get<StoredAttachment>(sha256, this.store);
    if (!stored) {
      const response = await this.options.session.fetch(`/api/v1/attachments/${sha256}`);
      const blob = await response.blob();
      stored = { blob, contentType: blob.type, uploaded: true, storedAt: Date.now() };
      await set(sha256, stored, this.store);
    }
    const url = URL.createObjectURL(stored.blob);
    this.objectUrls.set(sha256, url);
    return url;
  }

  async countQueued(): Promise<number> {
    return (await entries<string, StoredAttachment>(this.store)).filter(([, a]) => !a.uploaded).length;
  }

  /** Uploads everything not yet on the server; one run at a time. */
  uploadPending(): void {
    this.uploading ??= this.runUploads().finally(() => {
      this.uploading = undefined;
    });
  }

  async wipe(): Promise<void> {
    clearTimeout(this.retryTimer);
    for (const url of this.objectUrls.values()) URL.revokeObjectURL(url);
    this.objectUrls.clear();
    await clear(this.store);
  }

  private async runUploads(): Promise<void> {
    const pending = (await entries<string, StoredAttachment>(this.store)).filter(([, a]) => !a.uploaded);
    for (const [sha256, attachment] of pending) {
      try {
        await this.options.session.fetch(`/api/v1/attachments/${sha256}`, {
          method: 'PUT', headers: { 'content-type': attachment.contentType }, body: attachment.blob,
        });
        await set(sha256, { ...attachment, uploaded: true }, this.store);
        this.failures = 0;
        this.options.onError?.(undefined);
      } catch (error) {
        this.failures += 1;
        const permanent = error instanceof FieldApiError && [413, 415, 422].includes(error.status);
        this.options.onError?.(`Photo/signature upload: ${describeError(error)}`);
        if (!permanent) this.scheduleRetry();
        break;
      } finally {
        await this.reportQueued();
      }
    }
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.uploadPending(), computeBackoffDelay(this.failures, { baseMs: 2000, maxMs: 120_000 }));
  }

  private async reportQueued(): Promise<void> {
    this.options.onQueuedChange?.(await this.countQueued());
  }
}
