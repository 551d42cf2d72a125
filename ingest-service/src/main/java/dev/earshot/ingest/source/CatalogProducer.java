package dev.earshot.ingest.source;

import dev.earshot.ingest.IngestConfig;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/** Makes the operator's catalog available to the pollers; an empty one when no file is configured. */
public class CatalogProducer {

    @Produces
    @Singleton
    Catalog catalog(IngestConfig config) {
        return config.catalogFile().map(file -> {
            Catalog catalog = CatalogLoader.load(file);
            Log.infof("Watching %d brand(s) in %d source(s) from %s", catalog.brands().size(),
                    catalog.sources().size(), file);
            return catalog;
        }).orElseGet(() -> {
            Log.warn("No catalog file configured (EARSHOT_CONFIG): no brands are watched");
            return Catalog.empty();
        });
    }
}
