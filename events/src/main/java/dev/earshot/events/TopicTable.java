package dev.earshot.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Earshot's topics with their partitions and settings, read from the one table {@code deploy/kafka/topics.tsv} (in
 * this jar as {@value #RESOURCE}); {@code deploy/kafka/create-topics.sh} reads the same file.
 */
public final class TopicTable {

    public static final String RESOURCE = "earshot/topics.tsv";

    /** One row: {@code configs} as given to Kafka ({@code cleanup.policy}, {@code retention.ms}, ...). */
    public record Topic(String name, int partitions, Map<String, String> configs, String writtenBy, String what) {
        public Topic {
            configs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configs));
        }
    }

    private static final List<Topic> TOPICS = load();

    private TopicTable() {
    }

    public static List<Topic> all() {
        return TOPICS;
    }

    /** @throws IllegalArgumentException when the table has no such topic */
    public static Topic topic(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("topic " + name + " is not in " + RESOURCE));
    }

    public static Optional<Topic> find(String name) {
        return TOPICS.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static List<Topic> load() {
        try (InputStream in = TopicTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the events jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the table's text: comment lines start with {@code #}; columns are tab-separated. */
    static List<Topic> parse(String text) {
        List<Topic> topics = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length < 3) {
                    throw new IllegalStateException(RESOURCE + ": expected topic, partitions, config: " + line);
                }
                Map<String, String> configs = new LinkedHashMap<>();
                if (!cols[2].equals("-")) {
                    for (String setting : cols[2].split(";")) {
                        int eq = setting.indexOf('=');
                        configs.put(setting.substring(0, eq), setting.substring(eq + 1));
                    }
                }
                topics.add(new Topic(cols[0], Integer.parseInt(cols[1]), configs, cols.length > 3 ? cols[3] : "",
                        cols.length > 4 ? cols[4] : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(topics);
    }
}
