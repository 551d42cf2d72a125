package dev.earshot.ingest.preset;

import dev.earshot.events.CatalogSource;

/** The presets' JSON mappings for the extractor's tests in other packages. */
public final class PresetMappings {

    private PresetMappings() {
    }

    public static CatalogSource.Json bluesky() {
        return Presets.BLUESKY;
    }
}
