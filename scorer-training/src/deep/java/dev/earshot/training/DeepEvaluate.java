package dev.earshot.training;

import dev.earshot.sentiment.scoring.DeepHead;
import dev.earshot.sentiment.scoring.DeepScorer;
import dev.earshot.sentiment.scoring.LearnedScorer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The deep tier's figures on TSV files, as {@code evaluate} prints them, for every text and for the
 * ones the learned tier is unsure of, with the texts/s of each run on this thread:
 * {@code java -cp scorer-training/target/scorer-training.jar dev.earshot.training.DeepEvaluate DIR_OR_TSV...}.
 */
public final class DeepEvaluate {

    private DeepEvaluate() {
    }

    public static void main(String[] args) {
        DeepHead head = DeepHead.bundled();
        System.out.println(head);
        System.out.println(Evaluation.header());
        for (double below : new double[] {0.7, 1.01}) {
            DeepScorer scorer = new DeepScorer(LearnedScorer.withDefaults(), head, below);
            for (String p : args) {
                for (Path f : Tsv.files(Path.of(p))) {
                    List<Row> rows = Tsv.read(f);
                    long start = System.nanoTime();
                    Evaluation e = Evaluation.of(f.getFileName() + (below > 1 ? " deep, every text" : " deep, conf < " + below),
                            rows, scorer);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.println(e.tableRow() + String.format(Locale.ROOT, " %.0f texts/s", rows.size() / seconds));
                }
            }
        }
    }
}
