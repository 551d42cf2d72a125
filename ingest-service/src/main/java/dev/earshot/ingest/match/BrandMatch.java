package dev.earshot.ingest.match;

import java.util.List;

/** A brand found in a text, with the terms (lower-cased, accents removed) that showed it. */
public record BrandMatch(String brandId, List<String> matchedTerms) {
}
