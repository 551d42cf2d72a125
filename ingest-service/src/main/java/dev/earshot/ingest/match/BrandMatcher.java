package dev.earshot.ingest.match;

import dev.earshot.ingest.source.Brand;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds which brands a text is about: any of a brand's terms as whole words, ignoring case and
 * accents ("Café Noir" matches "cafe noir" but "Acme" does not match "Acmeville"); a text that
 * also contains one of the brand's excluded terms is about something else.
 */
public final class BrandMatcher {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final List<CompiledBrand> brands;

    public BrandMatcher(List<Brand> brands) {
        this.brands = brands.stream().map(CompiledBrand::of).toList();
    }

    /** The brands the text mentions, each with the terms that matched, in catalog order. */
    public List<BrandMatch> match(String text) {
        String folded = fold(text);
        List<BrandMatch> matches = new ArrayList<>();
        for (CompiledBrand brand : brands) {
            if (brand.excluded(folded)) {
                continue;
            }
            List<String> terms = brand.matchedTerms(folded);
            if (!terms.isEmpty()) {
                matches.add(new BrandMatch(brand.brand(), terms));
            }
        }
        return matches;
    }

    /** The terms of {@code brand} found in the text, for a source dedicated to that brand. */
    public static List<String> termsIn(Brand brand, String text) {
        return CompiledBrand.of(brand).matchedTerms(fold(text));
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private record Term(String display, Pattern pattern) {
    }

    private record CompiledBrand(Brand brand, List<Term> terms, List<Pattern> excludes) {

        static CompiledBrand of(Brand brand) {
            return new CompiledBrand(brand,
                    brand.terms().stream().map(t -> new Term(fold(t).strip(), wholeWords(t))).toList(),
                    brand.exclude().stream().map(CompiledBrand::wholeWords).toList());
        }

        private static Pattern wholeWords(String term) {
            String[] words = fold(term).strip().split("\\s+");
            StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
            for (int i = 0; i < words.length; i++) {
                if (i > 0) {
                    regex.append("[\\s\\p{Pd}]+"); // "Northwind  Coffee", "Northwind-Coffee"
                }
                regex.append(Pattern.quote(words[i]));
            }
            return Pattern.compile(regex.append("(?![\\p{L}\\p{N}])").toString());
        }

        boolean excluded(String folded) {
            return excludes.stream().anyMatch(p -> p.matcher(folded).find());
        }

        List<String> matchedTerms(String folded) {
            return terms.stream().filter(t -> t.pattern().matcher(folded).find()).map(Term::display).toList();
        }
    }
}
