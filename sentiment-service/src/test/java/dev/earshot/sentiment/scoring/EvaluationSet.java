package dev.earshot.sentiment.scoring;

import dev.earshot.events.Label;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Earshot's own labelled sentences ({@code evaluation/earshot-eval.tsv}), written for evaluating the scorer. */
record EvaluationSet(List<EvaluationSet.Item> items) {

    static final String RESOURCE = "evaluation/earshot-eval.tsv";

    /** One sentence with its gold intensity (-2..2; its sign is the gold label) and complaint flag. */
    record Item(int id, String split, String category, int gold, boolean complaint, String text) {
        Label label() {
            return gold > 0 ? Label.POSITIVE : gold < 0 ? Label.NEGATIVE : Label.NEUTRAL;
        }
    }

    static EvaluationSet load() {
        List<Item> items = new ArrayList<>();
        try (InputStream in = EvaluationSet.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split("\t", 6);
                items.add(new Item(Integer.parseInt(f[0]), f[1], f[2], Integer.parseInt(f[3]), f[4].equals("y"), f[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EvaluationSet(List.copyOf(items));
    }

    List<String> categories() {
        return items.stream().map(Item::category).distinct().toList();
    }
}
