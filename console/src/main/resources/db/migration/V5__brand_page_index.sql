-- The Brand page counts a brand's mentions of a time range by hour, label, aspect and source. With those columns in
-- the brand/time index it reads them from the index alone (an index-only scan) instead of visiting each mention's
-- row: on 1,000,000 mentions the 28-day band went from about 200 ms to 25 ms. Shapes in console/README.md ("Tables").
DROP INDEX mention_brand_time;
CREATE INDEX mention_brand_time ON mention (brand_id, fetched_at DESC) INCLUDE (label, complaint, source_id, aspects);
