package dev.earshot.alert.notification;

import dev.earshot.alert.config.AlertConfig;
import dev.earshot.events.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Links to an incident's page in the console ({@code earshot.alert.notifications.console-url}): the emails show one,
 * and a used acknowledge link lands there. Empty when no console address is set, or for an id that is not an
 * incident id (those are URL-safe by their pattern).
 */
@ApplicationScoped
public class ConsoleLinks {

    private final Optional<String> base;

    public ConsoleLinks(AlertConfig config) {
        this.base = config.notifications().consoleUrl().map(String::strip).filter(u -> !u.isEmpty())
                .map(u -> u.replaceAll("/+$", ""));
    }

    public Optional<String> incident(String incidentId) {
        return Ids.isIncidentId(incidentId) ? base.map(b -> b + "/incidents/" + incidentId) : Optional.empty();
    }

    /** The incident's page with the console's notice that an action was sent. */
    public Optional<String> acknowledged(String incidentId) {
        return incident(incidentId).map(l -> l + "?notice=accepted");
    }
}
