package dev.earshot.ingest.match;

import dev.earshot.ingest.source.Brand;
import java.util.List;

/** A brand found in a text, with the terms (lower-cased, accents removed) that showed it. */
public record BrandMatch(Brand brand, List<String> matchedTerms) {
}
