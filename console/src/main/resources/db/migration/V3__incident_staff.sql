-- alerts' optional assignee, notes and staffActions (alert-service owns them; the console keeps what it read).
-- Notes and staff actions accumulate here across revisions, so the console keeps more than the latest 20 notes
-- and 50 actions each revision carries. A staff command's time is unique per incident (alert-service refuses
-- one not newer than the last), hence the keys; a revision read twice inserts nothing twice.
ALTER TABLE incident ADD COLUMN assignee text;
ALTER TABLE incident_revision ADD COLUMN assignee text;
CREATE INDEX incident_assignee ON incident (assignee);

CREATE TABLE incident_note (
    incident_id     text        NOT NULL,
    at              timestamptz NOT NULL,
    author          text        NOT NULL,
    text            text        NOT NULL,
    PRIMARY KEY (incident_id, at)
);

CREATE TABLE incident_action (
    incident_id     text        NOT NULL,
    at              timestamptz NOT NULL,
    action          text        NOT NULL,
    actor           text        NOT NULL,
    detail          text,
    PRIMARY KEY (incident_id, at, action)
);
