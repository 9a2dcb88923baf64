import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * Every table is keyed by `agency_id` first, so the data can be distributed by agency
 * (Citus-style) when one Postgres is no longer enough.
 */

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const agencies = pgTable('agencies', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable('users', {
  agencyId: text('agency_id').notNull(),
  id: text('id').notNull(),
  username: text('username').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: text('roles').array().notNull(),
  unitId: text('unit_id'),
  displayName: text('display_name').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  /** Access tokens issued before this are refused (set by a new password or disabling: sign-out everywhere). */
  tokensNotBefore: timestamp('tokens_not_before', { withTimezone: true }),
}, (t) => [
  primaryKey({ columns: [t.agencyId, t.id] }),
  uniqueIndex('users_agency_username').on(t.agencyId, t.username),
]);

/** Rotating refresh tokens: one row per issued token, grouped in families for re-use detection. */
export const refreshTokens = pgTable('refresh_tokens', {
  agencyId: text('agency_id').notNull(),
  id: text('id').notNull(),
  familyId: text('family_id').notNull(),
  subject: text('subject').notNull(),
  subjectKind: text('subject_kind').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.agencyId, t.id] }),
  index('refresh_tokens_family').on(t.agencyId, t.familyId),
]);

export const portalAccounts = pgTable('portal_accounts', {
  agencyId: text('agency_id').notNull(),
  accountNumber: text('account_number').notNull(),
  lastName: text('last_name').notNull(),
  dateOfService: date('date_of_service', { mode: 'string' }).notNull(),
  displayName: text('display_name').notNull(),
}, (t) => [primaryKey({ columns: [t.agencyId, t.accountNumber] })]);

export const portalStatements = pgTable('portal_statements', {
  agencyId: text('agency_id').notNull(),
  id: text('id').notNull(),
  accountNumber: text('account_number').notNull(),
  data: jsonb('data').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.agencyId, t.id] }),
  index('portal_statements_account').on(t.agencyId, t.accountNumber),
]);

/**
 * Replicated documents of every collection. `txid` is the writing transaction's id
 * (pg_current_xact_id); pulls only read rows below the snapshot's xmin so that a transaction
 * committing late can never be skipped by a checkpoint.
 */
export const documents = pgTable('documents', {
  agencyId: text('agency_id').notNull(),
  collection: text('collection').notNull(),
  id: text('id').notNull(),
  data: jsonb('data').notNull(),
  /** The version before the last write: lets a pull evict a document that just left a caller's scope. */
  previousData: jsonb('previous_data'),
  /**
   * The fields of `data` that read access depends on (the collection's `readScopeFields`), small enough
   * to stay inline: a pull judges access on it and passes `data` through as text without parsing it.
   * NULL on rows written before it existed (the pull then reads `data` itself).
   */
  readScope: jsonb('read_scope'),
  /** `read_scope` of `previous_data`. */
  previousReadScope: jsonb('previous_read_scope'),
  deleted: boolean('deleted').notNull().default(false),
  txid: bigint('txid', { mode: 'bigint' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.agencyId, t.collection, t.id] }),
  index('documents_pull_order').on(t.agencyId, t.collection, t.txid, t.id),
]);

/**
 * Which current document versions reference which attachment (`attachmentReferencesOf`, shared-model):
 * an attachment read looks here for the documents that may grant it, instead of scanning every
 * document's text. Kept in step by every push that changes a document's references; migration 0003
 * filled it for the documents stored before.
 */
export const documentAttachments = pgTable('document_attachments', {
  agencyId: text('agency_id').notNull(),
  sha256: text('sha256').notNull(),
  collection: text('collection').notNull(),
  documentId: text('document_id').notNull(),
}, (t) => [primaryKey({ columns: [t.agencyId, t.sha256, t.collection, t.documentId] })]);

/** Values that lost a same-field conflict; supervisors review them in the Console. */
export const conflicts = pgTable('conflicts', {
  agencyId: text('agency_id').notNull(),
  id: text('id').notNull(),
  collection: text('collection').notNull(),
  documentId: text('document_id').notNull(),
  userId: text('user_id').notNull(),
  detail: jsonb('detail').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  resolvedBy: text('resolved_by'),
}, (t) => [
  primaryKey({ columns: [t.agencyId, t.id] }),
  index('conflicts_document').on(t.agencyId, t.collection, t.documentId),
]);

/** Pushed documents the server refused (schema, rights, tenancy): kept whole for a supervisor. */
export const refusedDocuments = pgTable('refused_documents', {
  agencyId: text('agency_id').notNull(),
  id: text('id').notNull(),
  collection: text('collection').notNull(),
  documentId: text('document_id'),
  userId: text('user_id').notNull(),
  code: text('code').notNull(),
  reason: text('reason').notNull(),
  document: jsonb('document'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.agencyId, t.id] })]);

/** Photos and signatures, content-addressed by SHA-256 (see docs/adr/0004-attachment-storage.md). */
export const attachments = pgTable('attachments', {
  agencyId: text('agency_id').notNull(),
  sha256: text('sha256').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  content: bytea('content').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.agencyId, t.sha256] })]);

/** Append-only: a trigger (migration 0001) refuses UPDATE and DELETE. */
export const auditLog = pgTable('audit_log', {
  agencyId: text('agency_id').notNull(),
  id: bigserial('id', { mode: 'bigint' }).notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
  actorId: text('actor_id').notNull(),
  actorKind: text('actor_kind').notNull(),
  action: text('action').notNull(),
  collection: text('collection'),
  documentIds: text('document_ids').array().notNull(),
  detail: jsonb('detail'),
}, (t) => [
  primaryKey({ columns: [t.agencyId, t.id] }),
  index('audit_log_at').on(t.agencyId, t.at),
]);
