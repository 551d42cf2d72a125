package dev.earshot.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the corpus format: UTF-8, one header line, tab-separated, no quoting, {@code \\ \t \n \r}
 * escaped; columns found by name ({@code id, label, text} required; {@code stars, complaint,
 * review_id, lang} used when present).
 */
final class Tsv {

    private Tsv() {
    }

    /** Every {@code *.tsv} directly in {@code dir} (sorted by name), or {@code dir} itself if it is a file. */
    static List<Path> files(Path dir) {
        if (Files.isRegularFile(dir)) {
            return List.of(dir);
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tsv") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    static List<Row> read(Path file) {
        List<Row> rows = new ArrayList<>();
        String name = file.getFileName().toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                return rows;
            }
            List<String> cols = Arrays.asList(header.split("\t", -1));
            if (!cols.containsAll(List.of("id", "label", "text"))) {
                // e.g. the corpus's MANIFEST.tsv: not labelled texts
                System.err.println("skipped " + file + ": no id/label/text columns");
                return rows;
            }
            int id = required(cols, "id", file);
            int label = required(cols, "label", file);
            int text = required(cols, "text", file);
            int stars = cols.indexOf("stars");
            int complaint = cols.indexOf("complaint");
            int review = cols.indexOf("review_id");
            int lang = cols.indexOf("lang");
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < cols.size()) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": " + f.length + " fields, header has " + cols.size());
                }
                String c = complaint >= 0 ? f[complaint].trim() : "";
                Boolean isComplaint = c.isEmpty() ? null : Boolean.valueOf(c.equalsIgnoreCase("true") || c.equals("1"));
                String s = stars >= 0 ? f[stars].trim() : "";
                String group = review >= 0 && !f[review].isEmpty() ? f[review] : f[id];
                rows.add(new Row(f[id], f[label].trim(), isComplaint, s.isEmpty() ? 0 : (int) Double.parseDouble(s),
                        unescape(f[text]), name + ":" + group, name, lang >= 0 ? f[lang].trim() : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return rows;
    }

    private static int required(List<String> cols, String name, Path file) {
        int i = cols.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(file + ": no '" + name + "' column in " + cols);
        }
        return i;
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 't' -> b.append('\t');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case '\\' -> b.append('\\');
                    default -> b.append('\\').append(n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
