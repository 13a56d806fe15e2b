-- Every row an import skipped, whatever their number: the physical line the record starts on and why.
-- Written in the import's transaction, so a failed import leaves none. Read them with
--   SELECT line, reason FROM import_rejections WHERE import_id = <id> ORDER BY line;
-- (the importer prints the id). They go when their import's row in imports goes.
CREATE TABLE import_rejections (
    import_id bigint  NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    line      integer NOT NULL,
    reason    text    NOT NULL,
    PRIMARY KEY (import_id, line)
);
