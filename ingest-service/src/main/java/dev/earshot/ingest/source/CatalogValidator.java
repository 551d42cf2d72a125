package dev.earshot.ingest.source;

import dev.earshot.events.Ids;
import dev.earshot.ingest.match.BrandQuery;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.select.Selector;

/** The rules a catalog must follow, shared by the file loader and the API, each broken rule said plainly. */
public final class CatalogValidator {

    /**
     * Jsoup's selectors that run a regular expression: {@code :matches}, {@code :matchesOwn}, {@code :matchesWholeText},
     * {@code :matchesWholeOwnText}, and {@code [attr~=regex]}. Java's regex engine has no time limit and Jsoup gives no
     * way to bound it, so they are refused rather than bounded.
     */
    private static final Pattern REGEX_SELECTOR = Pattern.compile("(?i):matches|~=");

    /** What {@link Ids#CATALOG_ID} (the contract's rule) asks of a brand or source id, in words. */
    static final String ID_RULE = " must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private CatalogValidator() {
    }

    public static List<String> problems(Catalog catalog) {
        List<String> problems = new ArrayList<>();
        Set<String> brandIds = new HashSet<>();
        for (Brand b : catalog.brands()) {
            problems.addAll(problems(b));
            if (b.id() != null && !brandIds.add(b.id())) {
                problems.add("brand id '" + b.id() + "' is used twice");
            }
        }
        Set<String> sourceIds = new HashSet<>();
        for (Source s : catalog.sources()) {
            problems.addAll(problems(s));
            if (s.id() != null && !sourceIds.add(s.id())) {
                problems.add("source id '" + s.id() + "' is used twice");
            }
            if (s.brand() != null && !brandIds.contains(s.brand())) {
                problems.add("source '" + s.id() + "' is dedicated to unknown brand '" + s.brand() + "'");
            }
        }
        return problems;
    }

    public static List<String> problems(Brand b) {
        List<String> problems = new ArrayList<>();
        if (b.id() == null) {
            problems.add("a brand has no id");
            return problems;
        }
        if (!Ids.isCatalogId(b.id())) {
            problems.add("brand id " + Ids.quoted(b.id()) + ID_RULE);
            return problems;
        }
        if (b.terms().stream().allMatch(String::isBlank) && b.query() == null) {
            problems.add("brand '" + b.id() + "' has no terms to match (give terms or a query)");
        }
        if (b.query() != null) {
            try {
                BrandQuery.parse(b.query());
            } catch (IllegalArgumentException e) {
                problems.add("brand '" + b.id() + "' query: " + e.getMessage());
            }
        }
        return problems;
    }

    public static List<String> problems(Source s) {
        List<String> problems = new ArrayList<>();
        if (s.id() == null) {
            problems.add("a source has no id");
            return problems;
        }
        if (!Ids.isCatalogId(s.id())) {
            problems.add("source id " + Ids.quoted(s.id()) + ID_RULE);
            return problems;
        }
        if (s.kind() == null) {
            problems.add("source '" + s.id() + "' has no kind (feed, page or json)");
        }
        if (s.url() == null || s.url().isBlank()) {
            problems.add("source '" + s.id() + "' has no url");
        } else {
            try {
                URI uri = URI.create(s.url().strip());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                    problems.add("source '" + s.id() + "' url must be an http(s) URL with a host");
                }
            } catch (IllegalArgumentException e) {
                problems.add("source '" + s.id() + "' url is not a URL: " + e.getMessage());
            }
        }
        if (s.selectors() != null) {
            Selectors sel = s.selectors();
            if (sel.review() == null || sel.review().isBlank()) {
                problems.add("source '" + s.id() + "' selectors need 'review' (the block of one review)");
            }
            for (String css : new String[] {sel.review(), sel.title(), sel.text(), sel.author(), sel.rating(),
                    sel.date(), sel.link(), sel.next()}) {
                if (css != null && !css.isBlank()) {
                    if (REGEX_SELECTOR.matcher(cssPart(css)).find()) {
                        problems.add("source '" + s.id() + "' selector '" + css + "' uses a regular expression (:matches…"
                                + " or [attr~=…]); these are not allowed, since one can take unbounded time on every poll:"
                                + " use classes, attributes or :contains(text)");
                        continue;
                    }
                    try {
                        Selector.evaluatorOf(cssPart(css));
                    } catch (Selector.SelectorParseException e) {
                        problems.add("source '" + s.id() + "' selector '" + css + "' is not valid CSS: "
                                + e.getMessage());
                    }
                }
            }
        }
        if (s.kind() == Source.Kind.json) {
            problems.addAll(JsonPaths.problems(s.id(), s.json()));
        }
        if (Boolean.TRUE.equals(s.render()) && s.kind() != null && s.kind() != Source.Kind.page) {
            problems.add("source '" + s.id() + "' render: only a page source is read through the browser, not a "
                    + s.kind() + " source");
        }
        if (s.maxPages() != null && s.maxPages() < 1) {
            problems.add("source '" + s.id() + "' maxPages must be at least 1");
        }
        return problems;
    }

    /** The CSS part of {@code "css@attr"}. */
    public static String cssPart(String selector) {
        int at = selector.lastIndexOf('@');
        return at > 0 && !selector.substring(at).contains("]") ? selector.substring(0, at) : selector;
    }
}
