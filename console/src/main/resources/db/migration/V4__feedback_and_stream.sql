-- "This is wrong": staff's corrections of a mention's label, kept here and sent to sentiment-service
-- (POST /api/feedback, which writes topic sentiment-feedback). Shapes in console/README.md ("Tables").
CREATE TABLE mention_feedback (
    feedback_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mention_id    text        NOT NULL,
    brand_id      text        NOT NULL,
    label         text        NOT NULL CHECK (label IN ('negative', 'neutral', 'positive')),
    scored_label  text        NOT NULL,
    by_user       text        NOT NULL,
    at            timestamptz NOT NULL DEFAULT now(),
    sent          boolean     NOT NULL DEFAULT false,
    send_error    text
);
CREATE INDEX mention_feedback_mention ON mention_feedback (mention_id, brand_id);
CREATE INDEX mention_feedback_at ON mention_feedback (at DESC);

-- When the console stored a mention first: the live stream sends what was stored since it last looked.
ALTER TABLE mention ADD COLUMN stored_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX mention_stored ON mention (stored_at);
