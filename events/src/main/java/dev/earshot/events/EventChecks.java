package dev.earshot.events;

/** The required-field rules of the contract that JSON parsing alone cannot enforce. */
final class EventChecks {

    private EventChecks() {
    }

    /** Every rule, for a reader. */
    static void check(Object event) {
        checkFields(event);
        checkIds(event);
    }

    /** The id shapes alone, for a writer: an id that breaks them must never leave the service. */
    static void checkIds(Object event) {
        if (event instanceof Mention m) {
            mentionIds(m);
        } else if (event instanceof ScoredMention s && s.mention() != null) {
            mentionIds(s.mention());
        } else if (event instanceof Alert a) {
            require(a.incidentId() == null || Ids.isIncidentId(a.incidentId()),
                    "incidentId " + Ids.quoted(a.incidentId()) + " must be letters, digits, '.', '_' or '-'");
            require(a.brand() == null || a.brand().id() == null || Ids.isCatalogId(a.brand().id()),
                    "brand.id " + Ids.quoted(a.brand() == null ? null : a.brand().id()) + CATALOG_RULE);
        } else if (event instanceof MonitorEvent e) {
            require(e.sourceId() == null || Ids.isCatalogId(e.sourceId()), "sourceId " + Ids.quoted(e.sourceId()) + CATALOG_RULE);
        }
    }

    static final String CATALOG_RULE = " must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private static void mentionIds(Mention m) {
        require(m.id() == null || Ids.isMentionId(m.id()), "mention id " + Ids.quoted(m.id()) + " is not 32 hex digits");
        require(m.contentHash() == null || Ids.isContentHash(m.contentHash()),
                "contentHash " + Ids.quoted(m.contentHash()) + " is not 16 hex digits");
        require(m.brand() == null || m.brand().id() == null || Ids.isCatalogId(m.brand().id()),
                "brand.id " + Ids.quoted(m.brand() == null ? null : m.brand().id()) + CATALOG_RULE);
        require(m.source() == null || m.source().id() == null || Ids.isCatalogId(m.source().id()),
                "source.id " + Ids.quoted(m.source() == null ? null : m.source().id()) + CATALOG_RULE);
    }

    private static void checkFields(Object event) {
        if (event instanceof Mention m) {
            checkMention(m);
        } else if (event instanceof ScoredMention s) {
            require(s.mention() != null, "mention is missing");
            checkMention(s.mention());
            require(s.label() != null, "label is missing");
            require(s.score() >= -1 && s.score() <= 1, "score " + s.score() + " is outside [-1, 1]");
        } else if (event instanceof Alert a) {
            require(present(a.incidentId()), "incidentId is missing");
            require(a.brand() != null && present(a.brand().id()), "brand.id is missing");
            require(a.kind() != null && a.severity() != null && a.state() != null, "kind, severity or state is missing");
        } else if (event instanceof MonitorEvent e) {
            require(present(e.sourceId()), "sourceId is missing");
            require(e.status() != null, "status is missing");
        }
    }

    private static void checkMention(Mention m) {
        require(m.schemaVersion() >= 1, "schemaVersion is missing");
        require(present(m.id()), "id is missing");
        require(m.brand() != null && present(m.brand().id()), "brand.id is missing");
        require(m.source() != null && present(m.source().id()), "source.id is missing");
        require(m.text() != null, "text is missing");
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static void require(boolean ok, String reason) {
        if (!ok) {
            throw new MalformedEventException(reason);
        }
    }
}
