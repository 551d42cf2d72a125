package dev.earshot.ingest.extract;

import java.util.List;

/**
 * What one review page yielded.
 *
 * @param nextPage absolute link to the next page of reviews, or null
 * @param method   how the reviews were found: {@code selectors}, {@code json-ld}, {@code microdata} or {@code none}
 */
public record ExtractedPage(List<FoundItem> items, String nextPage, String method) {
}
