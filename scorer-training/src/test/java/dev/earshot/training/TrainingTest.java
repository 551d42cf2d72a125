package dev.earshot.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.Label;
import dev.earshot.sentiment.scoring.LearnedScorer;
import dev.earshot.sentiment.scoring.LinearModel;
import dev.earshot.sentiment.scoring.Sentiment;
import dev.earshot.sentiment.scoring.SentimentScorer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training tool on a tiny corpus: reproducible for a seed, split by review, masks gone, a model that scores. */
class TrainingTest {

    @TempDir
    Path dir;

    private Path corpus() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        StringBuilder reviews = new StringBuilder("id\tlabel\tstars\ttext\tfield\treview_id\n");
        String[] negative = {"the parcel never arrived and support ignored me", "cold food and a rude waiter",
            "flight delayed again, still waiting", "the screen cracked after a day", "refund still not here after weeks"};
        String[] positive = {"lovely staff and a spotless room", "arrived early, works perfectly",
            "delicious coffee, friendly barista", "great value, would buy again", "the fit is perfect and so soft"};
        for (int i = 0; i < 40; i++) {
            reviews.append("r").append(i).append("-t\tnegative\t1\t").append(negative[i % 5]).append(" #").append(i)
                    .append("\ttext\tr").append(i).append('\n');
            reviews.append("r").append(i).append("-h\tnegative\t1\t").append(negative[(i + 1) % 5])
                    .append("\ttitle\tr").append(i).append('\n');
            reviews.append("p").append(i).append("\tpositive\t5\t").append(positive[i % 5]).append(" #").append(i)
                    .append("\ttext\tp").append(i).append('\n');
        }
        reviews.append("n1\tneutral\t3\tit is ok I guess\\nnothing special\ttext\tn1\n");
        Files.writeString(corpus.resolve("reviews.tsv"), reviews.toString(), StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("cfpb.tsv"), "id\tlabel\tstars\ttext\tproduct\n"
                + "c1\tcomplaint\t\tOn XX/XX/2019 I paid {$50.00} to XXXX and the payment was never applied\tLoan\n"
                + "c2\tcomplaint\t\tXXXX keeps calling me about a debt I do not owe\tDebt collection\n",
                StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("MANIFEST.tsv"), "key\tpath\nF1\tx.csv\n", StandardCharsets.UTF_8);
        return corpus;
    }

    private byte[] train(Path corpus, long seed, String name) throws IOException {
        Path out = dir.resolve(name + ".bin");
        Main.train(new HashMap<>(Map.of("corpus", corpus.toString(), "written", dir.resolve("none").toString(),
                "seed", Long.toString(seed), "out", out.toString(), "report", dir.resolve(name + ".md").toString())));
        return Files.readAllBytes(out);
    }

    @Test
    void theSameSeedGivesTheSameWeightsByteForByte() throws IOException {
        Path corpus = corpus();
        byte[] first = train(corpus, 7, "a");
        byte[] again = train(corpus, 7, "b");
        assertArrayEquals(first, again);
        assertFalse(java.util.Arrays.equals(first, train(corpus, 8, "c")), "another seed shuffles and splits differently");
        String report = Files.readString(dir.resolve("a.md"));
        assertTrue(report.contains("| dev, all |"), report);
    }

    @Test
    void theTrainedModelScoresWhatItWasTaught() throws IOException {
        train(corpus(), 7, "m");
        LinearModel model;
        try (InputStream in = Files.newInputStream(dir.resolve("m.bin"))) {
            model = LinearModel.read(in);
        }
        LearnedScorer scorer = new LearnedScorer(SentimentScorer.withDefaults(), model);
        Sentiment bad = scorer.score("my parcel never arrived, still waiting", null);
        Sentiment good = scorer.score("lovely staff, works perfectly", null);
        assertEquals(Label.NEGATIVE, bad.label(), bad.toString());
        assertEquals(Label.POSITIVE, good.label(), good.toString());
        assertTrue(bad.confidence() > 0.5 && bad.confidence() <= 1, bad.toString());
        assertTrue(bad.explanation().stream().anyMatch(c -> c.rule().startsWith("learned")), bad.explanation().toString());
    }

    @Test
    void rowsOfOneReviewStayOnOneSideOfTheSplit() throws IOException {
        List<Row> rows = Main.trainingRows(corpus(), null, null);
        Trainer trainer = new Trainer(Trainer.Settings.defaults());
        Map<String, Boolean> side = new HashMap<>();
        for (Row r : rows) {
            Boolean before = side.putIfAbsent(r.group(), trainer.isDev(r));
            if (before != null) {
                assertEquals(before, trainer.isDev(r), r.group());
            }
        }
        assertTrue(side.containsValue(true) && side.containsValue(false));
        assertEquals("it is ok I guess\nnothing special",
                rows.stream().filter(r -> r.id().equals("n1")).findFirst().orElseThrow().text());
    }

    @Test
    void correctionsFromTheFeedbackTopicAreTrainedOnTheLastOneOfAMentionWinning() throws IOException {
        Path feedback = dir.resolve("feedback.jsonl");
        Files.writeString(feedback, String.join("\n",
                "{\"schemaVersion\":1,\"mentionId\":\"0123456789abcdef0123456789abcdef\",\"text\":\"Gate 4, no update\",\"label\":\"neutral\"}",
                "not json",
                "{\"schemaVersion\":1,\"text\":\"\",\"label\":\"negative\"}",
                "{\"schemaVersion\":1,\"mentionId\":\"0123456789abcdef0123456789abcdef\",\"text\":\"Gate 4, no update\",\"label\":\"negative\",\"complaint\":true}",
                "{\"schemaVersion\":1,\"text\":\"Quick and friendly, thanks\",\"label\":\"positive\",\"complaint\":false}"),
                StandardCharsets.UTF_8);
        List<Row> rows = FeedbackFile.read(feedback);
        assertEquals(2, rows.size(), rows.toString());
        Row gate = rows.stream().filter(r -> r.text().startsWith("Gate")).findFirst().orElseThrow();
        assertEquals("negative", gate.label());
        assertTrue(gate.isComplaint());
        Path out = dir.resolve("f.bin");
        Main.train(new HashMap<>(Map.of("corpus", corpus().toString(), "feedback", feedback.toString(),
                "out", out.toString(), "report", dir.resolve("f.md").toString())));
        assertTrue(Files.readString(dir.resolve("f.md")).contains("feedback.jsonl=2"));
    }

    @Test
    void complaintMasksAndAmountsAreNoShortcut() {
        String stripped = Masks.strip("On XX/XX/2019 I paid {$50.00} to XXXX XXXX and the payment was never applied");
        assertFalse(stripped.contains("X"), stripped);
        assertFalse(stripped.contains("$"), stripped);
        assertEquals("On I paid to and the payment was never applied", stripped);
        assertEquals("TAXI to LAX", Masks.strip("TAXI to LAX"));
    }

    @Test
    void aNarrativesOpeningIsAShortComplaintOfTheSameReviewWithoutItsMasks() {
        Trainer trainer = new Trainer(Trainer.Settings.defaults());
        String narrative = "On XX/XX/2019 I asked XXXX for a refund of {$120.00} and I am still waiting for it. "
                + "I called them four times. " + "Each time they said it would be processed within ten days. ".repeat(8);
        Row complaint = new Row("c1", "complaint", null, 0, narrative, "c1", "cfpb.tsv", "");
        Row review = new Row("r1", "negative", null, 1, "Cold food.", "r1", "finefood.tsv", "");
        List<Row> leads = trainer.leads(List.of(complaint, review));
        assertEquals(1, leads.size(), leads.toString());
        Row lead = leads.get(0);
        assertEquals("c1", lead.group(), "same review, same side of the split");
        assertTrue(lead.isComplaint());
        assertTrue(lead.text().length() <= Trainer.Settings.defaults().postChars(), lead.text());
        assertTrue(lead.text().endsWith("."), lead.text());
        assertFalse(lead.text().contains("X") || lead.text().contains("$"), lead.text());
        assertTrue(trainer.postLike(lead), "the complaint threshold is set on texts like it");
        assertFalse(trainer.postLike(complaint), "narratives are not posts");
        assertTrue(trainer.postLike(review));
    }
}
