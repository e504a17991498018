-- Prompt search that an index serves, Chinese included: a trigram GIN index, used by
-- ILIKE '%…%' (what the gallery's search asks). Hand-written: the one schema serves SQLite too,
-- which has no such index type.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "Generation_prompt_trgm_idx" ON "Generation" USING gin ("prompt" gin_trgm_ops);
