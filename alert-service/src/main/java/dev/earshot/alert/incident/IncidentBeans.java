package dev.earshot.alert.incident;

import dev.earshot.alert.config.AlertKeys;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The signer and checker of staff commands, from the service's keys. */
public class IncidentBeans {

    @Produces
    @Singleton
    CommandSignatures commandSignatures(AlertKeys keys) {
        return new CommandSignatures(keys.commands());
    }
}
