package dev.earshot.ingest.match;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds which brands a text is about: any of a brand's terms as whole words, ignoring case and
 * accents ("Café Noir" matches "cafe noir" but "Acme" does not match "Acmeville"), or the brand's
 * boolean query when it has one; a text that also contains one of the brand's excluded terms is
 * about something else.
 */
public final class BrandMatcher {

    private final List<CompiledBrand> brands;

    public BrandMatcher(List<BrandRule> brands) {
        this.brands = brands.stream().map(CompiledBrand::of).toList();
    }

    /** The brands the text mentions, each with the terms that matched, in catalog order. */
    public List<BrandMatch> match(String text) {
        String folded = TextFold.fold(text);
        List<BrandMatch> matches = new ArrayList<>();
        for (CompiledBrand brand : brands) {
            if (brand.excluded(folded)) {
                continue;
            }
            List<String> terms = brand.matchedTerms(folded);
            if (terms != null) {
                matches.add(new BrandMatch(brand.rule().brandId(), terms));
            }
        }
        return matches;
    }

    /** The terms of {@code brand} found in the text, for a source dedicated to that brand (may be empty). */
    public static List<String> termsIn(BrandRule brand, String text) {
        List<String> terms = CompiledBrand.of(brand).matchedTerms(TextFold.fold(text));
        return terms == null ? List.of() : terms;
    }

    private record Term(String display, Pattern pattern) {
    }

    private record CompiledBrand(BrandRule rule, List<Term> terms, BrandQuery query, List<Pattern> excludes) {

        static CompiledBrand of(BrandRule brand) {
            return new CompiledBrand(brand,
                    brand.terms().stream().filter(t -> !t.isBlank())
                            .map(t -> new Term(TextFold.display(t), TextFold.wholeWords(t))).toList(),
                    brand.query() == null ? null : BrandQuery.parse(brand.query()),
                    brand.exclude().stream().filter(t -> !t.isBlank()).map(TextFold::wholeWords).toList());
        }

        boolean excluded(String folded) {
            return excludes.stream().anyMatch(p -> p.matcher(folded).find());
        }

        /** Null when the brand is not in the text. */
        List<String> matchedTerms(String folded) {
            if (query != null) {
                return query.match(folded);
            }
            List<String> found = terms.stream().filter(t -> t.pattern().matcher(folded).find()).map(Term::display).toList();
            return found.isEmpty() ? null : found;
        }
    }
}
