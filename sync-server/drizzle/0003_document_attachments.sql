CREATE TABLE "document_attachments" (
	"agency_id" text NOT NULL,
	"sha256" text NOT NULL,
	"collection" text NOT NULL,
	"document_id" text NOT NULL,
	CONSTRAINT "document_attachments_agency_id_sha256_collection_document_id_pk" PRIMARY KEY("agency_id","sha256","collection","document_id")
);
--> statement-breakpoint
-- Documents stored before this table existed: every string value that is a lowercase SHA-256 in hex
-- (the same rule as attachmentReferencesOf in shared-model; jsonb prints strings in double quotes).
INSERT INTO "document_attachments" ("agency_id", "sha256", "collection", "document_id")
SELECT DISTINCT d."agency_id", m[1], d."collection", d."id"
FROM "documents" AS d, regexp_matches(d."data"::text, '"([0-9a-f]{64})"', 'g') AS m
ON CONFLICT DO NOTHING;
