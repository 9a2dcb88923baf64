ALTER TABLE "documents" ADD COLUMN "read_scope" jsonb;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "previous_read_scope" jsonb;