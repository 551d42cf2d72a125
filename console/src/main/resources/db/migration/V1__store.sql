-- The console's copy of the public topics. Shapes documented in console/README.md ("Tables").

-- mentions-scored, and the mentions carried inside alerts: one row per (mention_id, brand_id), the latest score.
CREATE TABLE mention (
    mention_id      text        NOT NULL,
    brand_id        text        NOT NULL,
    brand_name      text        NOT NULL,
    content_hash    text        NOT NULL,
    source_id       text        NOT NULL,
    source_kind     text        NOT NULL,
    source_url      text,
    url             text,
    title           text,
    text            text        NOT NULL,
    author          text,
    rating_value    double precision,
    rating_best     double precision,
    published_at    timestamptz,
    fetched_at      timestamptz NOT NULL,
    score           double precision NOT NULL,
    label           text        NOT NULL,
    complaint       boolean     NOT NULL,
    intent          text,
    aspects         text[]      NOT NULL DEFAULT '{}',
    language        text,
    rating_conflict boolean     NOT NULL DEFAULT false,
    confidence      double precision,
    explanation     jsonb       NOT NULL DEFAULT '[]',
    scored_at       timestamptz NOT NULL,
    search          tsvector GENERATED ALWAYS AS (
                        to_tsvector('english', coalesce(title, '') || ' ' || text || ' ' || coalesce(author, ''))) STORED,
    PRIMARY KEY (mention_id, brand_id)
);
CREATE INDEX mention_search ON mention USING gin (search);
CREATE INDEX mention_brand_time ON mention (brand_id, fetched_at DESC);
CREATE INDEX mention_time ON mention (fetched_at DESC);

-- alerts: the current revision of each incident.
CREATE TABLE incident (
    incident_id     text        PRIMARY KEY,
    revision        integer     NOT NULL,
    brand_id        text        NOT NULL,
    brand_name      text        NOT NULL,
    kind            text        NOT NULL,
    severity        text        NOT NULL,
    state           text        NOT NULL,
    rule            text        NOT NULL,
    summary         text        NOT NULL,
    figures         jsonb       NOT NULL DEFAULT '{}',
    mention_count   integer     NOT NULL,
    reach_low       integer,
    reach_high      integer,
    top_aspects     jsonb       NOT NULL DEFAULT '[]',
    acknowledged_by text,
    acknowledged_at timestamptz,
    snoozed_until   timestamptz,
    raised_at       timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX incident_state ON incident (state, severity, raised_at);

-- alerts: every revision, for the incident's timeline.
CREATE TABLE incident_revision (
    incident_id     text        NOT NULL,
    revision        integer     NOT NULL,
    state           text        NOT NULL,
    severity        text        NOT NULL,
    summary         text        NOT NULL,
    mention_count   integer     NOT NULL,
    acknowledged_by text,
    snoozed_until   timestamptz,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (incident_id, revision)
);

-- alerts: which mentions are behind an incident (rows of mention).
CREATE TABLE incident_mention (
    incident_id     text        NOT NULL,
    mention_id      text        NOT NULL,
    brand_id        text        NOT NULL,
    PRIMARY KEY (incident_id, mention_id, brand_id)
);

-- monitors: each source's latest health.
CREATE TABLE source_health (
    source_id            text        PRIMARY KEY,
    source_url           text,
    status               text        NOT NULL,
    consecutive_failures integer     NOT NULL,
    last_error           text,
    last_success_at      timestamptz,
    at                   timestamptz NOT NULL
);
