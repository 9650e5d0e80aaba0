import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from the schema files; they are reviewed and committed, never pushed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/*.ts',
  out: './drizzle',
});
