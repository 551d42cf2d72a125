-- catalog (compacted, one partition): the brands and sources as the catalog says now. A removal keeps the row with
-- removed = true, so old mentions still name their brand. catalog_offset orders the changes (read twice = no change).
CREATE TABLE brand (
    brand_id       text        PRIMARY KEY,
    name           text,
    terms          text[]      NOT NULL DEFAULT '{}',
    record         jsonb,
    removed        boolean     NOT NULL DEFAULT false,
    catalog_offset bigint      NOT NULL,
    changed_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE source (
    source_id      text        PRIMARY KEY,
    kind           text,
    url            text,
    brand_id       text,
    record         jsonb,
    removed        boolean     NOT NULL DEFAULT false,
    catalog_offset bigint      NOT NULL,
    changed_at     timestamptz NOT NULL DEFAULT now()
);
