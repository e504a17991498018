-- Prompt search that an index serves, Chinese included: an FTS5 trigram index over
-- "Generation"."prompt" (LIKE '%…%' of three or more characters is answered from it).
-- Hand-written: the Prisma schema cannot describe virtual tables.
CREATE VIRTUAL TABLE "GenerationSearch" USING fts5(
    prompt,
    content = 'Generation',
    content_rowid = 'rowid',
    tokenize = 'trigram case_sensitive 0'
);

INSERT INTO "GenerationSearch" (rowid, prompt) SELECT rowid, prompt FROM "Generation";

CREATE TRIGGER "Generation_search_insert" AFTER INSERT ON "Generation" BEGIN
    INSERT INTO "GenerationSearch" (rowid, prompt) VALUES (new.rowid, new.prompt);
END;

CREATE TRIGGER "Generation_search_delete" AFTER DELETE ON "Generation" BEGIN
    INSERT INTO "GenerationSearch" ("GenerationSearch", rowid, prompt) VALUES ('delete', old.rowid, old.prompt);
END;

CREATE TRIGGER "Generation_search_update" AFTER UPDATE OF prompt ON "Generation" BEGIN
    INSERT INTO "GenerationSearch" ("GenerationSearch", rowid, prompt) VALUES ('delete', old.rowid, old.prompt);
    INSERT INTO "GenerationSearch" (rowid, prompt) VALUES (new.rowid, new.prompt);
END;
