package dev.earshot.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicTableTest {

    private static final Path DEPLOY = Path.of("..", "deploy", "kafka");

    @Test
    void everyTopicOfTheContractIsInTheTable() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String topic = (String) f.get(null);
                if (TopicTable.find(topic).isEmpty()) {
                    missing.add("Topics." + f.getName() + " = " + topic);
                }
            }
        }
        assertEquals(List.of(), missing, "missing from deploy/kafka/topics.tsv");
        assertEquals(Map.of("cleanup.policy", "compact"), TopicTable.topic(Topics.CATALOG).configs());
        assertEquals(1, TopicTable.topic(Topics.CATALOG).partitions(), "one partition: catalog changes apply in order");
    }

    @Test
    void theJarCarriesTheSameTableAsDeploy() throws Exception {
        assertEquals(TopicTable.parse(Files.readString(DEPLOY.resolve("topics.tsv"))), TopicTable.all());
    }

    /** Runs the operators' script against a stand-in for kafka-topics.sh that writes down what it was asked. */
    @Test
    void createTopicsShCreatesExactlyTheTable(@TempDir Path dir) throws Exception {
        Path calls = dir.resolve("calls.txt");
        Path fake = dir.resolve("kafka-topics.sh");
        Files.writeString(fake, "#!/usr/bin/env bash\necho \"$*\" >> '" + calls + "'\n");
        fake.toFile().setExecutable(true);
        ProcessBuilder pb = new ProcessBuilder("bash", DEPLOY.resolve("create-topics.sh").toString(), "kafka:9092", "3")
                .redirectErrorStream(true);
        pb.environment().put("KAFKA_TOPICS", fake.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);

        Map<String, TopicTable.Topic> created = new LinkedHashMap<>();
        for (String line : Files.readAllLines(calls)) {
            List<String> args = Arrays.asList(line.split(" "));
            if (!args.contains("--create")) {
                continue;
            }
            assertEquals("kafka:9092", after(args, "--bootstrap-server"));
            assertEquals("3", after(args, "--replication-factor"));
            assertTrue(args.contains("--if-not-exists"), line);
            Map<String, String> configs = new LinkedHashMap<>();
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).equals("--config")) {
                    String c = args.get(i + 1);
                    configs.put(c.substring(0, c.indexOf('=')), c.substring(c.indexOf('=') + 1));
                }
            }
            String name = after(args, "--topic");
            created.put(name, new TopicTable.Topic(name, Integer.parseInt(after(args, "--partitions")), configs, "", ""));
        }
        Map<String, TopicTable.Topic> expected = new LinkedHashMap<>();
        TopicTable.all().forEach(t -> expected.put(t.name(), new TopicTable.Topic(t.name(), t.partitions(), t.configs(), "", "")));
        assertEquals(expected, created);
    }

    @Test
    void theTableInDocsIsTheSame() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "events.md"));
        String table = docs.substring(docs.indexOf("<!-- topic-table"), docs.indexOf("<!-- /topic-table -->"));
        List<String> rows = table.lines().filter(l -> l.startsWith("| `")).toList();
        List<String> expected = TopicTable.all().stream().map(t -> "| `" + t.name() + "` | " + t.partitions() + " | "
                + (t.configs().isEmpty() ? "-" : String.join(", ", t.configs().entrySet().stream()
                        .map(e -> "`" + e.getKey() + "=" + e.getValue() + "`").toList()))
                + " | " + t.writtenBy() + " |").toList();
        assertEquals(expected, rows, "docs/events.md's topic settings differ from deploy/kafka/topics.tsv");
    }

    private static String after(List<String> args, String flag) {
        return args.get(args.indexOf(flag) + 1);
    }
}
