package dev.earshot.sentiment.scoring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evaluation report: Earshot's scorer and the plain VADER method (same code, Earshot's layers
 * off) on Earshot's own labelled sentences, per category and per split. Printed, and written to
 * {@code target/evaluation-report.md}. Run alone with
 * {@code ./mvnw -pl sentiment-service test -Dtest=EvaluationReportTest}; add
 * {@code -Devaluation.errors=dev} to list the dev half's mistakes (never tune on {@code test}).
 *
 * <p>The floors below are the figures measured when the rules were last changed, minus a margin,
 * so that a change that makes the scorer worse fails the build.
 */
class EvaluationReportTest {

    // Measured 2026-11-22 (SCORING.md): accuracy 0.843, macro-F1 0.837, Pearson 0.840, complaint F1
    // 0.884, test-half accuracy 0.778. The floors leave a margin for rule changes that trade a
    // sentence or two; a real regression falls through them.
    static final double FLOOR_ACCURACY = 0.82;
    static final double FLOOR_MACRO_F1 = 0.81;
    static final double FLOOR_PEARSON = 0.80;
    static final double FLOOR_TEST_ACCURACY = 0.75;
    static final double FLOOR_COMPLAINT_F1 = 0.85;

    static EvaluationSet set;
    static final SentimentScorer EARSHOT = SentimentScorer.withDefaults();
    static final SentimentScorer VADER = new SentimentScorer(Lexicon.vader(), AspectTaxonomy.defaults(), SentimentScorer.Mode.VADER);

    @BeforeAll
    static void load() {
        set = EvaluationSet.load();
    }

    @Test
    void reportAndFloors() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("Evaluation set: ").append(set.items().size()).append(" sentences (")
                .append(count(i -> i.gold() > 0)).append(" positive, ")
                .append(count(i -> i.gold() == 0)).append(" neutral, ")
                .append(count(i -> i.gold() < 0)).append(" negative; ")
                .append(count(i -> i.split().equals("dev"))).append(" dev / ")
                .append(count(i -> i.split().equals("test"))).append(" test).\n\n");
        md.append("| scorer | subset | n | accuracy | macro-F1 | Pearson r | complaint P | complaint R | complaint F1 |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Predicate<EvaluationSet.Item>> subsets = new LinkedHashMap<>();
        subsets.put("all", i -> true);
        subsets.put("dev half", i -> i.split().equals("dev"));
        subsets.put("test half", i -> i.split().equals("test"));
        for (String category : set.categories()) {
            subsets.put(category, i -> i.category().equals(category));
        }
        for (String category : set.categories()) {
            subsets.put(category + " (test)", i -> i.category().equals(category) && i.split().equals("test"));
        }
        Map<String, Metrics> earshot = new LinkedHashMap<>();
        Map<String, Metrics> vader = new LinkedHashMap<>();
        for (Map.Entry<String, Predicate<EvaluationSet.Item>> subset : subsets.entrySet()) {
            earshot.put(subset.getKey(), evaluate(EARSHOT, subset.getValue()));
            vader.put(subset.getKey(), evaluate(VADER, subset.getValue()));
        }
        for (String subset : subsets.keySet()) {
            row(md, "Earshot", subset, earshot.get(subset));
            row(md, "VADER method", subset, vader.get(subset));
        }
        System.out.println();
        System.out.println(md);
        Path out = Path.of("target", "evaluation-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md, StandardCharsets.UTF_8);

        String errors = System.getProperty("evaluation.errors", "");
        if (!errors.isEmpty()) {
            printErrors(errors);
        }

        Metrics all = earshot.get("all");
        assertTrue(all.accuracy() >= FLOOR_ACCURACY, "overall accuracy " + all.accuracy() + " < floor " + FLOOR_ACCURACY);
        assertTrue(all.macroF1() >= FLOOR_MACRO_F1, "overall macro-F1 " + all.macroF1() + " < floor " + FLOOR_MACRO_F1);
        assertTrue(all.pearson() >= FLOOR_PEARSON, "overall Pearson " + all.pearson() + " < floor " + FLOOR_PEARSON);
        assertTrue(all.complaintF1() >= FLOOR_COMPLAINT_F1, "complaint F1 " + all.complaintF1() + " < floor " + FLOOR_COMPLAINT_F1);
        Metrics test = earshot.get("test half");
        assertTrue(test.accuracy() >= FLOOR_TEST_ACCURACY, "test-half accuracy " + test.accuracy() + " < floor " + FLOOR_TEST_ACCURACY);
        assertTrue(all.accuracy() > vader.get("all").accuracy(), "Earshot no longer beats the plain VADER method");
        assertTrue(test.macroF1() > vader.get("test half").macroF1(), "Earshot no longer beats VADER on the test half");
    }

    private long count(Predicate<EvaluationSet.Item> p) {
        return set.items().stream().filter(p).count();
    }

    static Metrics evaluate(SentimentScorer scorer, Predicate<EvaluationSet.Item> filter) {
        List<Metrics.Prediction> predictions = new ArrayList<>();
        for (EvaluationSet.Item item : set.items()) {
            if (filter.test(item)) {
                Sentiment s = scorer.score(item.text(), null);
                predictions.add(new Metrics.Prediction(item.label(), item.gold(), s.label(), s.score(),
                        item.complaint(), s.complaint()));
            }
        }
        return Metrics.of(predictions);
    }

    private static void row(StringBuilder md, String scorer, String subset, Metrics m) {
        md.append("| ").append(scorer).append(" | ").append(subset).append(" | ").append(m.n())
                .append(" | ").append(f(m.accuracy())).append(" | ").append(f(m.macroF1()))
                .append(" | ").append(f(m.pearson()))
                .append(" | ").append(scorer.equals("Earshot") ? f(m.complaintPrecision()) : "–")
                .append(" | ").append(scorer.equals("Earshot") ? f(m.complaintRecall()) : "–")
                .append(" | ").append(scorer.equals("Earshot") ? f(m.complaintF1()) : "–").append(" |\n");
    }

    private static String f(double x) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%.3f", x);
    }

    private static void printErrors(String split) {
        System.out.println("Mistakes on the " + split + " split:");
        for (EvaluationSet.Item item : set.items()) {
            if (!split.equals("all") && !item.split().equals(split)) {
                continue;
            }
            Sentiment s = EARSHOT.score(item.text(), null);
            boolean labelWrong = Metrics.collapse(s.label()) != item.label();
            boolean complaintWrong = s.complaint() != item.complaint();
            if (labelWrong || complaintWrong) {
                System.out.printf(Locale.ROOT, "%3d %-10s gold=%+d%s got=%-8s %+.3f%s | %s%n      %s%n", item.id(), item.category(),
                        item.gold(), item.complaint() ? "c" : " ", s.label(), s.score(), s.complaint() ? "c" : " ",
                        item.text(), s.explanation());
            }
        }
    }
}
