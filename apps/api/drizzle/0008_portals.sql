CREATE TYPE "public"."conversation_kind" AS ENUM('conversation', 'portal');--> statement-breakpoint
CREATE TYPE "public"."portal_resource_type" AS ENUM('folder', 'document');--> statement-breakpoint
CREATE TABLE "portal_shared_resources" (
	"id" uuid PRIMARY KEY NOT NULL,
	"firm_id" uuid NOT NULL,
	"portal_id" uuid NOT NULL,
	"resource_type" "portal_resource_type" NOT NULL,
	"folder_id" uuid,
	"document_id" uuid,
	"created_by_membership_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_shared_resources_one_resource" CHECK (("resource_type" = 'folder' and "folder_id" is not null and "document_id" is null)
       or ("resource_type" = 'document' and "document_id" is not null and "folder_id" is null))
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "kind" "conversation_kind" DEFAULT 'conversation' NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "closed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "closed_by_membership_id" uuid;--> statement-breakpoint
ALTER TABLE "portal_shared_resources" ADD CONSTRAINT "portal_shared_resources_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_shared_resources" ADD CONSTRAINT "portal_shared_resources_portal_id_conversations_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_shared_resources" ADD CONSTRAINT "portal_shared_resources_folder_id_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."folders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_shared_resources" ADD CONSTRAINT "portal_shared_resources_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_shared_resources" ADD CONSTRAINT "portal_shared_resources_created_by_membership_id_memberships_id_fk" FOREIGN KEY ("created_by_membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "portal_shared_resources_folder_key" ON "portal_shared_resources" USING btree ("portal_id","folder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_shared_resources_document_key" ON "portal_shared_resources" USING btree ("portal_id","document_id");--> statement-breakpoint
CREATE INDEX "portal_shared_resources_firm_id_idx" ON "portal_shared_resources" USING btree ("firm_id","id");--> statement-breakpoint
CREATE INDEX "portal_shared_resources_folder_idx" ON "portal_shared_resources" USING btree ("folder_id");--> statement-breakpoint
CREATE INDEX "portal_shared_resources_document_idx" ON "portal_shared_resources" USING btree ("document_id");--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_closed_by_membership_id_memberships_id_fk" FOREIGN KEY ("closed_by_membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_portal_has_matter" CHECK ("kind" = 'conversation' or "matter_id" is not null);