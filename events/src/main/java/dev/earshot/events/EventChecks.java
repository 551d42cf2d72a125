package dev.earshot.events;

/** The required-field rules of the contract that JSON parsing alone cannot enforce. */
final class EventChecks {

    private EventChecks() {
    }

    static void check(Object event) {
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
