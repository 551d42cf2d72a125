package dev.earshot.training;

import dev.earshot.sentiment.scoring.LearnedScorer;
import dev.earshot.sentiment.scoring.LinearModel;
import dev.earshot.sentiment.scoring.Scorer;
import dev.earshot.sentiment.scoring.SentimentScorer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code train} and {@code evaluate}, run from the repository's top directory:
 * <pre>
 * java -jar scorer-training/target/scorer-training.jar train [--corpus DIR] [--written DIR] [--feedback DIR]
 *      [--seed N] [--out FILE] [--report FILE]
 * java -jar scorer-training/target/scorer-training.jar evaluate [--model FILE | --rules] [--lang en] DIR_OR_TSV...
 * </pre>
 * See SCORING.md at the top of the repository.
 */
public final class Main {

    static final String CORPUS = "../shared/datasets/sentiment-train";
    static final String WRITTEN = "sentiment-eval/written";
    static final String OUT = "sentiment-service/src/main/resources" + LinearModel.RESOURCE;
    static final String REPORT = "scorer-training/dev-report.md";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        Map<String, String> opts = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--rules")) {
                opts.put("rules", "true");
            } else if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                opts.put(args[i].substring(2), args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        switch (args[0]) {
            case "train" -> train(opts);
            case "evaluate" -> evaluate(opts, rest);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: train [--corpus DIR] [--written DIR] [--feedback DIR] [--seed N] [--out FILE] [--report FILE]\n"
                + "       evaluate [--model FILE | --rules] [--lang en] DIR_OR_TSV...");
    }

    /** The training rows: every corpus file, the written {@code train-*.tsv}, and feedback files if given. */
    static List<Row> trainingRows(Path corpus, Path written, Path feedback) {
        List<Row> rows = new ArrayList<>();
        for (Path f : Tsv.files(corpus)) {
            rows.addAll(Tsv.read(f));
        }
        if (written != null && Files.isDirectory(written)) {
            for (Path f : Tsv.files(written)) {
                // only the hand-written training files: everything else there is for evaluation
                if (f.getFileName().toString().startsWith("train-")) {
                    rows.addAll(Tsv.read(f));
                }
            }
        }
        if (feedback != null && Files.exists(feedback)) {
            if (Files.isRegularFile(feedback) && !feedback.getFileName().toString().endsWith(".tsv")) {
                rows.addAll(FeedbackFile.read(feedback));
            } else {
                for (Path f : Tsv.files(feedback)) {
                    rows.addAll(Tsv.read(f));
                }
            }
        }
        return rows;
    }

    static void train(Map<String, String> opts) throws IOException {
        Trainer.Settings d = Trainer.Settings.defaults();
        Trainer.Settings s = new Trainer.Settings(num(opts, "seed", d.seed()).longValue(), num(opts, "bits", d.bits()).intValue(),
                num(opts, "epochs", d.epochs()).intValue(), num(opts, "rate", d.rate()).doubleValue(),
                num(opts, "l2", d.l2()).doubleValue(), d.devPercent(),
                num(opts, "complaint-narrative-weight", d.complaintNarrativeWeight()).doubleValue(),
                num(opts, "written-weight", d.writtenWeight()).doubleValue(),
                num(opts, "neutral-share", d.neutralShare()).doubleValue(),
                num(opts, "known-min-docs", d.knownMinDocs()).intValue(),
                num(opts, "known-min-weight", d.knownMinWeight()).doubleValue(),
                num(opts, "max-false-flags", d.maxFalseFlags()).doubleValue(),
                num(opts, "post-chars", d.postChars()).intValue(),
                Boolean.parseBoolean(opts.getOrDefault("leads", String.valueOf(d.leads()))));
        Path corpus = Path.of(opts.getOrDefault("corpus", CORPUS));
        Path written = Path.of(opts.getOrDefault("written", WRITTEN));
        Path feedback = opts.containsKey("feedback") ? Path.of(opts.get("feedback")) : null;
        Path out = Path.of(opts.getOrDefault("out", OUT));
        Path report = Path.of(opts.getOrDefault("report", REPORT));
        List<Row> rows = trainingRows(corpus, written, feedback);
        Map<String, Integer> perFile = new LinkedHashMap<>();
        for (Row r : rows) {
            perFile.merge(r.file(), 1, Integer::sum);
        }
        String description = "trained on " + perFile + ", seed " + s.seed();
        Trainer trainer = new Trainer(s);
        Trainer.Result result = trainer.train(rows, description);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (OutputStream o = Files.newOutputStream(out)) {
            result.model().write(o);
        }
        LinearModel shipped;
        try (InputStream in = Files.newInputStream(out)) {
            shipped = LinearModel.read(in);
        }
        Scorer scorer = new LearnedScorer(SentimentScorer.withDefaults(), shipped);
        StringBuilder b = new StringBuilder();
        b.append("# Dev-split report of the learned scorer\n\n");
        b.append("Written by `java -jar scorer-training/target/scorer-training.jar train` (seed ").append(s.seed())
                .append("). Do not edit; train again.\n\n");
        b.append("- model: `").append(out).append("`, ").append(Files.size(out)).append(" bytes, sha256 `")
                .append(sha256(out)).append("`\n");
        b.append("- ").append(description).append('\n');
        b.append("- split by review (`review_id`, else `id`): ").append(result.train().size()).append(" training rows, ")
                .append(result.dev().size()).append(" dev rows never trained on\n");
        b.append("- settings: ").append(s).append("\n\n");
        b.append("Training log:\n\n```\n").append(result.log()).append("```\n\n");
        b.append(Evaluation.header()).append('\n');
        Map<String, List<Row>> byFile = new LinkedHashMap<>();
        for (Row r : result.dev()) {
            byFile.computeIfAbsent(r.file(), k -> new ArrayList<>()).add(r);
        }
        List<Evaluation> evaluations = new ArrayList<>();
        for (Map.Entry<String, List<Row>> e : byFile.entrySet()) {
            evaluations.add(Evaluation.of("dev " + e.getKey(), e.getValue(), scorer));
        }
        // the rows the complaint threshold is set on: posts and short texts, not narratives or long reviews
        evaluations.add(Evaluation.of("dev, post-like (≤ " + s.postChars() + " chars or written)",
                result.dev().stream().filter(trainer::postLike).toList(), scorer));
        Evaluation all = Evaluation.of("dev, all", result.dev(), scorer);
        evaluations.add(all);
        for (Evaluation e : evaluations) {
            b.append(e.tableRow()).append('\n');
        }
        b.append("\nExpected calibration error of `confidence` on the labelled dev rows (10 bins): ")
                .append(String.format(Locale.ROOT, "%.3f", all.calibrationError())).append("\n\n```\n")
                .append(Evaluation.confusionHeader()).append('\n');
        for (Evaluation e : evaluations) {
            b.append(e.confusionText());
        }
        b.append("```\n");
        if (report.getParent() != null) {
            Files.createDirectories(report.getParent());
        }
        Files.writeString(report, b.toString(), StandardCharsets.UTF_8);
        System.out.println(b);
    }

    static void evaluate(Map<String, String> opts, List<String> paths) throws IOException {
        Scorer scorer;
        if (opts.containsKey("rules")) {
            scorer = SentimentScorer.withDefaults();
        } else if (opts.containsKey("model")) {
            try (InputStream in = Files.newInputStream(Path.of(opts.get("model")))) {
                scorer = new LearnedScorer(SentimentScorer.withDefaults(), LinearModel.read(in));
            }
        } else {
            scorer = LearnedScorer.withDefaults();
        }
        System.out.println("scorer: " + scorer + "\n");
        System.out.println(Evaluation.header());
        List<Evaluation> evaluations = new ArrayList<>();
        for (String p : paths) {
            for (Path f : Tsv.files(Path.of(p))) {
                List<Row> rows = Tsv.read(f);
                String lang = opts.get("lang");
                if (lang != null) {
                    // rows whose lang column says otherwise are left out; files without one count as English
                    rows = rows.stream().filter(r -> r.lang().isEmpty() ? lang.equals("en") : r.lang().equals(lang)).toList();
                }
                Evaluation e = Evaluation.of(f.getFileName().toString() + (lang == null ? "" : " (" + lang + ")"), rows, scorer);
                evaluations.add(e);
                System.out.println(e.tableRow());
            }
        }
        System.out.println("\n" + Evaluation.confusionHeader());
        for (Evaluation e : evaluations) {
            System.out.print(e.confusionText());
        }
    }

    /** A numeric option, or its default. */
    private static Number num(Map<String, String> opts, String name, Number fallback) {
        String v = opts.get(name);
        if (v == null) {
            return fallback;
        }
        return fallback instanceof Double ? (Number) Double.valueOf(v) : (Number) Long.valueOf(v);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
