package dev.earshot.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One review of the demo stream, published {@code offsetSeconds} after the demo site starts. */
record DemoReview(int number, int offsetSeconds, String author, int stars, String title, String text) {

    /** The bundled stream, {@code demo/reviews.tsv}. */
    static List<DemoReview> bundled() {
        try (InputStream in = DemoReview.class.getResourceAsStream("/demo/reviews.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<DemoReview> reviews = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 5);
                reviews.add(new DemoReview(reviews.size() + 1, Integer.parseInt(f[0]), f[1], Integer.parseInt(f[2]),
                        f[3], f[4]));
            }
            return reviews;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo/reviews.tsv", e);
        }
    }
}
