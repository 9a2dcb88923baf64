import './shell.css';

export { AppShell, type AppShellProps } from './app-shell';
export { SyncIndicator, describeSync, type SyncSnapshot, type SyncIndicatorProps } from './sync-indicator';
export { UpdatePrompt } from './update-prompt';
export { useOnline } from './use-online';
// Data layer: local database, replication, honest sync status.
export {
  openFieldDatabase, getFieldCollection, toDatabaseName, maxCollectionsPerApp,
  type FieldDatabase, type FieldCollection, type FieldDocument, type OpenFieldDatabaseOptions,
} from './data/open-field-database';
export { FieldClient, nextEditedAt, type StartFieldClientOptions } from './data/field-client';
export { AttachmentStore, type AttachmentStoreOptions } from './data/attachment-store';
export { useLiveDocument, useLiveDocuments, useOutboxEntries, useSyncSnapshot } from './data/live-hooks';
export { CollectionReplication, type CollectionReplicationOptions } from './sync/collection-replication';
export { OutboxLedger } from './sync/outbox-ledger';
export { outboxKey, countQueued, isQueued, recordLocalWrite, acknowledgePush, type OutboxEntries } from './sync/outbox-entries';
export { SyncStatusStore, toSyncSnapshot, type SyncStatusState } from './sync/sync-status-store';
export { computeBackoffDelay, type BackoffOptions } from './sync/backoff';
export { wrapCheckpoint, buildPullQuery, type WrappedCheckpoint } from './sync/checkpoint';
export { SseParser } from './sync/sse-parser';
// Session: sign-in, tokens, PIN.
export { SessionManager, type StoredSession, type LoginCredentials, type SessionManagerOptions } from './session/session-manager';
export {
  FieldApiError, AppOutdatedError, NetworkUnavailableError, SessionExpiredError, describeError, readApiError,
} from './session/api-errors';
export { hashPin, verifyPin, isValidPin, isIdleLocked, type PinHash } from './session/pin';
export { SignInForm, type SignInFormProps } from './session/sign-in-form';
export { useIdleLock } from './session/use-idle-lock';
export { sha256Hex } from './session/sha256';
// Capture and review components.
export { SignatureCapture, type SignatureCaptureProps } from './capture/signature-capture';
export { PhotoCapture, type PhotoCaptureProps } from './capture/photo-capture';
export { compressPhoto, type CompressPhotoOptions } from './capture/compress-photo';
export { ValidationPanel, type ValidationPanelProps } from './capture/validation-panel';
