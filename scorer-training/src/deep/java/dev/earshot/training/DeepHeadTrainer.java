package dev.earshot.training;

import dev.earshot.events.Label;
import dev.earshot.sentiment.scoring.DeepHead;
import dev.earshot.sentiment.scoring.DeepScorer;
import dev.earshot.sentiment.scoring.LearnedScorer;
import dev.earshot.sentiment.scoring.Sentiment;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Trains the deep tier's head (a build with {@code -Pdeep}):
 * {@code java -cp scorer-training/target/scorer-training.jar dev.earshot.training.DeepHeadTrainer [--per-file N]}.
 * Embedding is the slow part (~170 review-length texts/s per thread here), so it takes a seeded
 * sample of each training file (all hand-written posts), the same train/dev split by review as the
 * learned tier, and writes {@code sentiment-service/src/deep/resources/earshot/deep-head.bin} and
 * {@code scorer-training/deep-report.md}.
 */
public final class DeepHeadTrainer {

    private DeepHeadTrainer() {
    }

    record Item(Row row, double[] x, int sentiment, int complaint, Sentiment learned) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].substring(2), args[i + 1]);
        }
        int perFile = Integer.parseInt(opts.getOrDefault("per-file", "1500"));
        long seed = Long.parseLong(opts.getOrDefault("seed", "13"));
        Path out = Path.of(opts.getOrDefault("out", "sentiment-service/src/deep/resources" + DeepHead.RESOURCE));
        Path report = Path.of(opts.getOrDefault("report", "scorer-training/deep-report.md"));
        List<Row> rows = Main.trainingRows(Path.of(opts.getOrDefault("corpus", Main.CORPUS)),
                Path.of(opts.getOrDefault("written", Main.WRITTEN)), null);
        Map<String, List<Row>> byFile = new HashMap<>();
        for (Row r : rows) {
            byFile.computeIfAbsent(r.file(), k -> new ArrayList<>()).add(r);
        }
        List<Row> sample = new ArrayList<>();
        Random random = new Random(seed);
        for (String file : new java.util.TreeSet<>(byFile.keySet())) {
            List<Row> list = new ArrayList<>(byFile.get(file));
            Collections.shuffle(list, random);
            sample.addAll(file.startsWith("train-") ? list : list.subList(0, Math.min(perFile, list.size())));
        }
        Trainer split = new Trainer(Trainer.Settings.defaults().withSeed(seed));
        LearnedScorer learned = LearnedScorer.withDefaults();
        DeepScorer embedder = new DeepScorer(learned, null, 1);
        List<Item> train = new ArrayList<>();
        List<Item> dev = new ArrayList<>();
        long start = System.nanoTime();
        for (Row r : sample) {
            String text = Masks.strip(r.text());
            Sentiment s = learned.score(text, null);
            if (s.probabilities() == null) {
                continue;
            }
            int sentiment = Evaluation.gold(r.label());
            Item item = new Item(r, DeepHead.inputs(embedder.embed(text), s.probabilities()), sentiment < 0 ? 0 : sentiment,
                    r.isComplaint() ? 1 : 0, s);
            (split.isDev(r) ? dev : train).add(item);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder log = new StringBuilder();
        log.append(String.format(Locale.ROOT, "embedded %d texts in %.0f s (%.0f/s, learned tier included)%n",
                train.size() + dev.size(), seconds, (train.size() + dev.size()) / seconds));
        float[] w = fit(train, log);
        DeepHead raw = new DeepHead("raw", w, 1, 1, 0.5);
        double[] temps = temperatures(raw, dev);
        DeepHead fitted = new DeepHead("", w, temps[0], temps[1], 0.5);
        double threshold = threshold(fitted, dev);
        String description = "per file " + perFile + " sampled, seed " + seed + ", " + train.size() + " train / " + dev.size()
                + " dev";
        DeepHead head = new DeepHead(description, w, temps[0], temps[1], threshold);
        log.append(String.format(Locale.ROOT, "temperatures %.2f / %.2f, complaint threshold %.2f%n", temps[0], temps[1],
                threshold));
        Files.createDirectories(out.getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            head.write(o);
        }
        StringBuilder b = new StringBuilder("# Dev-split report of the deep tier's head\n\n");
        b.append("Written by `DeepHeadTrainer` (").append(description).append("). The dev rows are the sampled rows of ")
                .append("the learned tier's dev split; figures text only.\n\n```\n").append(log).append("```\n\n");
        b.append(Evaluation.header()).append('\n');
        for (double below : new double[] {0.0, 0.7, 1.01}) {
            Map<String, Evaluation> evals = new java.util.TreeMap<>();
            for (Item it : dev) {
                Sentiment s = below == 0 ? it.learned() : apply(head, it, below);
                evals.computeIfAbsent(it.row().file(), k -> new Evaluation(k)).add(it.row(), s);
                evals.computeIfAbsent("~all", k -> new Evaluation(k)).add(it.row(), s);
            }
            String tier = below == 0 ? "learned" : below > 1 ? "deep, every text" : "deep, confidence < " + below;
            for (Evaluation e : evals.values()) {
                b.append(e.tableRow().replaceFirst("\\| ", "| " + tier + ": ")).append('\n');
            }
        }
        Files.writeString(report, b.toString(), StandardCharsets.UTF_8);
        System.out.println(b);
    }

    /** What DeepScorer would answer for a dev item (the same arithmetic, without embedding again). */
    static Sentiment apply(DeepHead head, Item it, double below) {
        Sentiment s = it.learned();
        if (s.confidence() >= below) {
            return s;
        }
        double[] z = head.logits(it.x(), null);
        double ts = head.sentimentTemperature();
        double m = Math.max(z[0], Math.max(z[1], z[2]));
        double[] p = new double[3];
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            p[c] = Math.exp((z[c] - m) / ts);
            sum += p[c];
        }
        for (int c = 0; c < 3; c++) {
            p[c] /= sum;
        }
        Label label = p[0] >= p[2] && p[0] >= p[1] ? Label.NEGATIVE : p[2] >= p[1] ? Label.POSITIVE : Label.NEUTRAL;
        boolean complaint = 1 / (1 + Math.exp(-z[3] / head.complaintTemperature())) >= head.complaintThreshold();
        return new Sentiment(p[2] - p[0], label, complaint, s.intent(), s.aspects(), s.explanation(), s.language(), false);
    }

    /** Full-batch gradient descent with class weights (negative = positive, neutral half), L2 1e-4. */
    static float[] fit(List<Item> train, StringBuilder log) {
        int row = DeepHead.INPUTS + 1;
        double[] w = new double[4 * row];
        double[] classTotal = new double[3];
        double yes = 0;
        for (Item it : train) {
            classTotal[it.sentiment()]++;
            yes += it.complaint();
        }
        double polar = (classTotal[0] + classTotal[2]) / 2;
        double[] cw = {polar / Math.max(1, classTotal[0]), 0.5 * polar / Math.max(1, classTotal[1]), polar / Math.max(1, classTotal[2])};
        double no = train.size() - yes;
        double[] kw = {train.size() / (2 * Math.max(1, no)), train.size() / (2 * Math.max(1, yes))};
        double rate = 0.5;
        double[] grad = new double[w.length];
        for (int iter = 0; iter < 300; iter++) {
            java.util.Arrays.fill(grad, 0);
            double loss = 0;
            for (Item it : train) {
                double[] z = new double[4];
                for (int o = 0; o < 4; o++) {
                    double s = w[o * row + DeepHead.INPUTS];
                    for (int i = 0; i < DeepHead.INPUTS; i++) {
                        s += w[o * row + i] * it.x()[i];
                    }
                    z[o] = s;
                }
                double m = Math.max(z[0], Math.max(z[1], z[2]));
                double sum = 0;
                double[] p = new double[3];
                for (int c = 0; c < 3; c++) {
                    p[c] = Math.exp(z[c] - m);
                    sum += p[c];
                }
                double[] g = new double[4];
                for (int c = 0; c < 3; c++) {
                    p[c] /= sum;
                    g[c] = cw[it.sentiment()] * (p[c] - (c == it.sentiment() ? 1 : 0));
                }
                loss -= cw[it.sentiment()] * Math.log(Math.max(1e-12, p[it.sentiment()]));
                double pc = 1 / (1 + Math.exp(-z[3]));
                g[3] = kw[it.complaint()] * (pc - it.complaint());
                loss -= kw[it.complaint()] * Math.log(Math.max(1e-12, it.complaint() == 1 ? pc : 1 - pc));
                for (int o = 0; o < 4; o++) {
                    for (int i = 0; i < DeepHead.INPUTS; i++) {
                        grad[o * row + i] += g[o] * it.x()[i];
                    }
                    grad[o * row + DeepHead.INPUTS] += g[o];
                }
            }
            for (int k = 0; k < w.length; k++) {
                w[k] -= rate * (grad[k] / train.size() + 1e-4 * w[k]);
            }
            if (iter % 50 == 0 || iter == 299) {
                log.append(String.format(Locale.ROOT, "iteration %d: weighted loss %.4f%n", iter, loss / train.size()));
            }
        }
        float[] f = new float[w.length];
        for (int k = 0; k < w.length; k++) {
            f[k] = (float) w[k];
        }
        return f;
    }

    static double[] temperatures(DeepHead head, List<Item> dev) {
        double bestTs = 1;
        double bestTc = 1;
        double bestS = Double.MAX_VALUE;
        double bestC = Double.MAX_VALUE;
        for (double t = 0.3; t <= 4.0001; t += 0.05) {
            double ls = 0;
            double lc = 0;
            for (Item it : dev) {
                double[] z = head.logits(it.x(), null);
                if (Evaluation.gold(it.row().label()) >= 0) {
                    double m = Math.max(z[0], Math.max(z[1], z[2]));
                    double s = 0;
                    for (int c = 0; c < 3; c++) {
                        s += Math.exp((z[c] - m) / t);
                    }
                    ls -= (z[it.sentiment()] - m) / t - Math.log(s);
                }
                double pc = 1 / (1 + Math.exp(-z[3] / t));
                lc -= Math.log(Math.max(1e-12, it.complaint() == 1 ? pc : 1 - pc));
            }
            if (ls < bestS) {
                bestS = ls;
                bestTs = t;
            }
            if (lc < bestC) {
                bestC = lc;
                bestTc = t;
            }
        }
        return new double[] {Math.round(bestTs * 100) / 100.0, Math.round(bestTc * 100) / 100.0};
    }

    /** The lowest threshold flagging at most 4 % of the dev positives, as for the learned tier. */
    static double threshold(DeepHead head, List<Item> dev) {
        for (double th = 0.30; th <= 0.9001; th += 0.01) {
            long positives = 0;
            long flagged = 0;
            for (Item it : dev) {
                if (Evaluation.gold(it.row().label()) == 2) {
                    positives++;
                    double[] z = head.logits(it.x(), null);
                    if (1 / (1 + Math.exp(-z[3] / head.complaintTemperature())) >= th) {
                        flagged++;
                    }
                }
            }
            if (positives == 0 || flagged <= 0.04 * positives) {
                return Math.round(th * 100) / 100.0;
            }
        }
        return 0.9;
    }
}
