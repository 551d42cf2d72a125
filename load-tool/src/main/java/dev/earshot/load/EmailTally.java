package dev.earshot.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts the emails the SMTP proxy saw accepted: per probe brand, and per incident revision. */
final class EmailTally {

    /** Probe brands are the only recipients of "pr@probe-N.example". */
    private static final String PROBE_RECIPIENT = "pr@probe-";

    private EmailTally() {
    }

    /** Emails per probe brand ({@code probe-N}). */
    static Map<String, Integer> perProbe(List<SmtpProxy.Delivery> deliveries) {
        Map<String, Integer> counts = new HashMap<>();
        for (SmtpProxy.Delivery d : deliveries) {
            for (String to : d.recipients()) {
                if (to.startsWith(PROBE_RECIPIENT) && to.contains(".example")) {
                    counts.merge(to.substring(3, to.indexOf(".example")), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    record Duplicates(int emails, int revisions, int duplicated) {
    }

    /**
     * Emails per (incident, revision, recipient): each must arrive once. An email without incident
     * headers (a monitor notice) counts by its delivery id.
     */
    static Duplicates duplicates(List<SmtpProxy.Delivery> deliveries) {
        Map<String, Integer> byRevision = new HashMap<>();
        for (SmtpProxy.Delivery d : deliveries) {
            String incident = d.header("x-earshot-incident");
            String what = incident != null ? incident + "#" + d.header("x-earshot-revision")
                    : "delivery " + d.header("x-earshot-delivery");
            byRevision.merge(what + " to " + d.recipients(), 1, Integer::sum);
        }
        int duplicated = (int) byRevision.values().stream().filter(n -> n > 1).count();
        return new Duplicates(deliveries.size(), byRevision.size(), duplicated);
    }
}
