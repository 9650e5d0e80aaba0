CREATE INDEX "activities_firm_date_idx" ON "activities" USING btree ("firm_id","date","id");--> statement-breakpoint
CREATE INDEX "activities_author_date_idx" ON "activities" USING btree ("author_membership_id","date","id");--> statement-breakpoint
CREATE INDEX "tasks_firm_due_idx" ON "tasks" USING btree ("firm_id",coalesce("due_date", 'infinity'::date),"id");