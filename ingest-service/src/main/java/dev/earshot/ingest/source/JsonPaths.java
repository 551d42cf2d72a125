package dev.earshot.ingest.source;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import dev.earshot.events.CatalogSource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The catalog's rules for a json source's mapping: the items path is set, what people wrote is mapped, every path compiles. */
public final class JsonPaths {

    /** Between alternative paths of one field ({@code a | b}); JSONPath's own "or" is {@code ||}, inside filters. */
    public static final Pattern FALLBACK = Pattern.compile("\\s\\|\\s");

    private JsonPaths() {
    }

    static List<String> problems(String sourceId, CatalogSource.Json m) {
        String at = "source '" + sourceId + "' json";
        List<String> problems = new ArrayList<>();
        if (m == null || m.items() == null || m.items().isBlank()) {
            problems.add(at + ".items is required: the path to the array of items, e.g. $.feed.entry[*] or $.hits");
            return problems;
        }
        if (m.text() == null && m.title() == null) {
            problems.add(at + ".text or .title is required: what people wrote");
        }
        String[][] paths = {{"items", m.items()}, {"text", m.text()}, {"title", m.title()}, {"author", m.author()},
            {"link", m.link()}, {"date", m.date()}, {"rating", m.rating()}, {"id", m.id()}, {"next", m.next()},
            {"ratingBest", m.ratingBest() != null && m.ratingBest().matches("\\d+(\\.\\d+)?") ? null : m.ratingBest()}};
        for (String[] field : paths) {
            if (field[1] == null) {
                continue;
            }
            for (String path : FALLBACK.split(field[1])) {
                try {
                    JsonPath.compile(path.strip());
                } catch (InvalidPathException | IllegalArgumentException e) {
                    problems.add(at + "." + field[0] + " is not a JSONPath: " + e.getMessage());
                }
            }
        }
        return problems;
    }
}
