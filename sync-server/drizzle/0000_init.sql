CREATE TABLE "agencies" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"agency_id" text NOT NULL,
	"sha256" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_agency_id_sha256_pk" PRIMARY KEY("agency_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"agency_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text NOT NULL,
	"actor_kind" text NOT NULL,
	"action" text NOT NULL,
	"collection" text,
	"document_ids" text[] NOT NULL,
	"detail" jsonb,
	CONSTRAINT "audit_log_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "conflicts" (
	"agency_id" text NOT NULL,
	"id" text NOT NULL,
	"collection" text NOT NULL,
	"document_id" text NOT NULL,
	"user_id" text NOT NULL,
	"detail" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	CONSTRAINT "conflicts_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"agency_id" text NOT NULL,
	"collection" text NOT NULL,
	"id" text NOT NULL,
	"data" jsonb NOT NULL,
	"previous_data" jsonb,
	"deleted" boolean DEFAULT false NOT NULL,
	"txid" bigint NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "documents_agency_id_collection_id_pk" PRIMARY KEY("agency_id","collection","id")
);
--> statement-breakpoint
CREATE TABLE "portal_accounts" (
	"agency_id" text NOT NULL,
	"account_number" text NOT NULL,
	"last_name" text NOT NULL,
	"date_of_service" date NOT NULL,
	"display_name" text NOT NULL,
	CONSTRAINT "portal_accounts_agency_id_account_number_pk" PRIMARY KEY("agency_id","account_number")
);
--> statement-breakpoint
CREATE TABLE "portal_statements" (
	"agency_id" text NOT NULL,
	"id" text NOT NULL,
	"account_number" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_statements_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "refresh_tokens" (
	"agency_id" text NOT NULL,
	"id" text NOT NULL,
	"family_id" text NOT NULL,
	"subject" text NOT NULL,
	"subject_kind" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refresh_tokens_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "refused_documents" (
	"agency_id" text NOT NULL,
	"id" text NOT NULL,
	"collection" text NOT NULL,
	"document_id" text,
	"user_id" text NOT NULL,
	"code" text NOT NULL,
	"reason" text NOT NULL,
	"document" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refused_documents_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"agency_id" text NOT NULL,
	"id" text NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"roles" text[] NOT NULL,
	"unit_id" text,
	"display_name" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	CONSTRAINT "users_agency_id_id_pk" PRIMARY KEY("agency_id","id")
);
--> statement-breakpoint
CREATE INDEX "audit_log_at" ON "audit_log" USING btree ("agency_id","at");--> statement-breakpoint
CREATE INDEX "conflicts_document" ON "conflicts" USING btree ("agency_id","collection","document_id");--> statement-breakpoint
CREATE INDEX "documents_pull_order" ON "documents" USING btree ("agency_id","collection","txid","id");--> statement-breakpoint
CREATE INDEX "portal_statements_account" ON "portal_statements" USING btree ("agency_id","account_number");--> statement-breakpoint
CREATE INDEX "refresh_tokens_family" ON "refresh_tokens" USING btree ("agency_id","family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_agency_username" ON "users" USING btree ("agency_id","username");