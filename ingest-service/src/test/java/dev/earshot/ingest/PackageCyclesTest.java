package dev.earshot.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package of ingest-service uses one that uses it back, directly or through others: read over the sources, every
 * reference to a class of another ingest package (imports and fully qualified names alike) is an edge, and any
 * strongly connected set of more than one package fails with the edges that close it.
 */
class PackageCyclesTest {

    private static final String ROOT = "dev.earshot.ingest";
    private static final Path SOURCES = Path.of("src/main/java/dev/earshot/ingest");
    /** {@code dev.earshot.ingest.poll.PollScheduler}, {@code dev.earshot.ingest.poll.*} or {@code dev.earshot.ingest.Ingest}. */
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.earshot\\.ingest((?:\\.[a-z]\\w*)*)\\.(?:[A-Z]|\\*)");

    @Test
    void noPackageOfIngestReachesBackToItself() {
        Map<String, Map<String, Set<String>>> graph = dependencies(SOURCES);
        assertTrue(graph.size() >= 8, "the sources were read: " + graph.keySet());
        List<Set<String>> cycles = cycles(graph);
        assertTrue(cycles.isEmpty(), () -> describe(cycles, graph));
    }

    @Test
    void theCheckFindsACycleThroughThreePackages() {
        Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        edge(graph, "extract", "source", "PageExtractor.java");
        edge(graph, "source", "match", "CatalogValidator.java");
        edge(graph, "match", "extract", "TextFold.java");
        edge(graph, "poll", "extract", "SourceReader.java");
        assertEquals(List.of(Set.of("extract", "match", "source")), cycles(graph));
        assertTrue(describe(cycles(graph), graph).contains("match -> extract (TextFold.java)"));
    }

    /** package → package it uses → the files that use it. */
    static Map<String, Map<String, Set<String>>> dependencies(Path sources) {
        Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher pkg = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE).matcher(text);
                if (!pkg.find()) {
                    continue;
                }
                String from = name(pkg.group(1));
                graph.computeIfAbsent(from, k -> new TreeMap<>());
                Matcher ref = REFERENCE.matcher(text.substring(pkg.end()));
                while (ref.find()) {
                    String to = name(ROOT + ref.group(1));
                    if (!to.equals(from)) {
                        edge(graph, from, to, sources.relativize(file).toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    private static String name(String javaPackage) {
        return javaPackage.equals(ROOT) ? "(root)" : javaPackage.substring(ROOT.length() + 1);
    }

    private static void edge(Map<String, Map<String, Set<String>>> graph, String from, String to, String file) {
        graph.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(to, k -> new TreeSet<>()).add(file);
        graph.computeIfAbsent(to, k -> new TreeMap<>());
    }

    /** The strongly connected sets of more than one package (Tarjan). */
    static List<Set<String>> cycles(Map<String, Map<String, Set<String>>> graph) {
        Tarjan t = new Tarjan(graph);
        graph.keySet().forEach(v -> {
            if (!t.index.containsKey(v)) {
                t.visit(v);
            }
        });
        return t.found;
    }

    private static final class Tarjan {
        final Map<String, Map<String, Set<String>>> graph;
        final Map<String, Integer> index = new TreeMap<>();
        final Map<String, Integer> low = new TreeMap<>();
        final List<String> stack = new ArrayList<>();
        final List<Set<String>> found = new ArrayList<>();

        Tarjan(Map<String, Map<String, Set<String>>> graph) {
            this.graph = graph;
        }

        void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.add(v);
            for (String w : graph.get(v).keySet()) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (stack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> component = new TreeSet<>();
                String w;
                do {
                    w = stack.remove(stack.size() - 1);
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1) {
                    found.add(component);
                }
            }
        }
    }

    private static String describe(List<Set<String>> cycles, Map<String, Map<String, Set<String>>> graph) {
        StringBuilder out = new StringBuilder("packages that reach back to themselves:");
        for (Set<String> cycle : cycles) {
            out.append("\n  ").append(cycle).append(':');
            for (String from : cycle) {
                graph.get(from).forEach((to, files) -> {
                    if (cycle.contains(to)) {
                        out.append("\n    ").append(from).append(" -> ").append(to).append(" (")
                                .append(String.join(", ", files)).append(')');
                    }
                });
            }
        }
        return out.toString();
    }
}
