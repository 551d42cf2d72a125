package dev.earshot.training;

import dev.earshot.sentiment.scoring.FeatureExtractor;
import dev.earshot.sentiment.scoring.LinearModel;
import dev.earshot.sentiment.scoring.SentimentScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains the four heads by AdaGrad on weighted logistic losses, seeded, single-threaded, so the
 * same corpus and seed give the same weights byte for byte.
 *
 * <p>Weights: a text counts by its source ({@link Settings}) and then by class, so that negative
 * and positive weigh the same in total and neutral (scarce: 3-star reviews) half that. Complaint
 * narratives count as negative for the sentiment heads, at a reduced weight (they are long, formal
 * and US-finance), and as complaints; the complaint head balances complaints against the rest.
 */
final class Trainer {

    /** What a training run may vary; the defaults are the shipped model's. */
    record Settings(long seed, int bits, int epochs, double rate, double l2, int devPercent,
            double complaintNarrativeWeight, double writtenWeight, double neutralShare, int knownMinDocs,
            double knownMinWeight, double maxFalseFlags, int postChars, boolean leads) {

        Settings withSeed(long newSeed) {
            return new Settings(newSeed, bits, epochs, rate, l2, devPercent, complaintNarrativeWeight, writtenWeight,
                    neutralShare, knownMinDocs, knownMinWeight, maxFalseFlags, postChars, leads);
        }

        static Settings defaults() {
            return new Settings(13, 18, 6, 0.1, 1e-5, 10, 0.35, 3, 0.5, 3, 0.4, 0.04, 280, true);
        }
    }

    /** The trained model and the dev rows it never saw. */
    record Result(LinearModel model, List<Row> dev, List<Row> train, String log) {
    }

    /** Marks the file name of a narrative's opening ({@link #leads}). */
    static final String LEAD = "#lead";

    private final Settings settings;
    private final FeatureExtractor extractor;
    private final StringBuilder log = new StringBuilder();

    Trainer(Settings settings) {
        this.settings = settings;
        this.extractor = new FeatureExtractor(SentimentScorer.withDefaults(), settings.bits());
    }

    /** Dev when the row's group (its review) hashes into the first {@code devPercent} of 100. */
    boolean isDev(Row r) {
        long h = settings.seed() * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < r.group().length(); i++) {
            h = (h ^ r.group().charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 29;
        return Math.floorMod(h, 100) < settings.devPercent();
    }

    Result train(List<Row> rows, String description) {
        List<Row> train = new ArrayList<>();
        List<Row> dev = new ArrayList<>();
        for (Row r : rows) {
            if (Evaluation.gold(r.label()) < 0 && !r.label().equals("complaint")) {
                continue;
            }
            (isDev(r) ? dev : train).add(r);
        }
        train.addAll(leads(train));
        List<Example> examples = examples(train);
        Model model = new Model(settings.bits());
        Random random = new Random(settings.seed());
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double[] z = new double[Model.O];
        double[] grad = new double[Model.O];
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            double loss = 0;
            double weight = 0;
            for (int i : order) {
                Example e = examples.get(i);
                model.logits(e, z);
                loss += gradient(e, z, grad);
                weight += e.sentimentWeight() + e.complaintWeight();
                model.step(e, grad, settings.rate(), settings.l2());
            }
            note("epoch %d: weighted loss %.4f", epoch + 1, loss / weight);
        }
        long[] known = known(examples, model);
        Calibration cal = Calibration.fit(model, examples(dev), settings.maxFalseFlags(), this::postLike);
        note("calibration: sentiment temperature %.2f, complaint temperature %.2f, complaint threshold %.2f",
                cal.sentimentTemperature(), cal.complaintTemperature(), cal.complaintThreshold());
        LinearModel linear = new LinearModel(description, settings.bits(), toFloat(model.w), toFloat(model.dw),
                toFloat(model.b), cal.sentimentTemperature(), cal.complaintTemperature(), cal.complaintThreshold(), known);
        return new Result(linear, dev, train, log.toString());
    }

    /**
     * A text like the mentions Earshot scores: written or corrected posts, and any other text of at
     * most {@code postChars} characters (a review's title, a hotel box, a short review) except the
     * complaint narratives. The complaint threshold is set on these, not on the long reviews that
     * dominate the dev split.
     */
    boolean postLike(Row r) {
        if (r.file().endsWith(LEAD) || r.file().startsWith("train-") || r.file().startsWith("feedback")) {
            return true;
        }
        return !r.label().equals("complaint") && (settings.postChars() == 0 || r.text().length() <= settings.postChars());
    }

    private int stratum(Row r) {
        return postLike(r) ? 1 : 0;
    }

    /**
     * The opening of each training complaint narrative (its first sentences, at most
     * {@code postChars} characters) as a short complaint of its own: most complaints Earshot sees
     * are a post long and many name no feeling ("still waiting for my refund"), while the
     * narratives are long. Same group as the narrative, so never on the other side of the split.
     */
    List<Row> leads(List<Row> rows) {
        List<Row> out = new ArrayList<>();
        if (settings.postChars() == 0 || !settings.leads()) {
            return out;
        }
        for (Row r : rows) {
            if (!r.label().equals("complaint")) {
                continue;
            }
            String t = Masks.strip(r.text());
            int end = -1;
            for (int i = 0; i < Math.min(t.length(), settings.postChars()); i++) {
                char c = t.charAt(i);
                if ((c == '.' || c == '!' || c == '?') && i >= 40) {
                    end = i + 1;
                }
            }
            if (end < 0 && t.length() > settings.postChars()) {
                end = t.lastIndexOf(' ', settings.postChars());
            }
            if (end > 0 && end < t.length()) {
                out.add(new Row(r.id() + "#lead", r.label(), r.complaint(), r.stars(), t.substring(0, end).trim(), r.group(),
                        r.file() + LEAD, r.lang()));
            }
        }
        note("%d complaint narrative openings added as short complaints", out.size());
        return out;
    }

    /** The loss of one example, and its gradient per logit into {@code grad}. */
    private static double gradient(Example e, double[] z, double[] grad) {
        double loss = 0;
        if (e.sentimentWeight() > 0) {
            double m = Math.max(z[0], Math.max(z[1], z[2]));
            double s = 0;
            double[] p = new double[3];
            for (int c = 0; c < 3; c++) {
                p[c] = Math.exp(z[c] - m);
                s += p[c];
            }
            for (int c = 0; c < 3; c++) {
                p[c] /= s;
                grad[c] = e.sentimentWeight() * (p[c] - (c == e.sentiment() ? 1 : 0));
            }
            loss -= e.sentimentWeight() * Math.log(Math.max(1e-12, p[e.sentiment()]));
        } else {
            grad[0] = grad[1] = grad[2] = 0;
        }
        double pc = 1 / (1 + Math.exp(-z[3]));
        grad[3] = e.complaintWeight() * (pc - e.complaint());
        loss -= e.complaintWeight() * Math.log(Math.max(1e-12, e.complaint() == 1 ? pc : 1 - pc));
        return loss;
    }

    /** Featurizes and weighs rows; rows the scorer would not score (not English) are left out. */
    List<Example> examples(List<Row> rows) {
        List<Row> kept = new ArrayList<>();
        List<FeatureExtractor.Features> features = new ArrayList<>();
        for (Row r : rows) {
            FeatureExtractor.Features f = extractor.extract(Masks.strip(r.text()));
            if (f.scorable()) {
                kept.add(r);
                features.add(f);
            }
        }
        double[] classTotal = new double[3];
        // complaint totals per stratum: [post-like?1:0][complaint?1:0]
        double[][] complaintTotal = new double[2][2];
        for (Row r : kept) {
            int c = sentiment(r);
            double w = sourceWeight(r);
            classTotal[c] += w;
            complaintTotal[stratum(r)][r.isComplaint() ? 1 : 0] += w;
        }
        double polar = (classTotal[0] + classTotal[2]) / 2;
        double[] classFactor = {
            factor(polar, classTotal[0]), factor(settings.neutralShare() * polar, classTotal[1]), factor(polar, classTotal[2])};
        double all = complaintTotal[0][0] + complaintTotal[0][1] + complaintTotal[1][0] + complaintTotal[1][1];
        // with post weighting on, each stratum weighs half the total and is balanced inside, so the head cannot
        // learn "long text = complaint"; without it, complaints against the rest overall
        double[][] complaintFactor = new double[2][2];
        for (int st = 0; st < 2; st++) {
            for (int y = 0; y < 2; y++) {
                complaintFactor[st][y] = settings.postChars() == 0
                        ? factor(all / 2, complaintTotal[0][y] + complaintTotal[1][y])
                        : factor(all / 4, complaintTotal[st][y]);
            }
        }
        // normalize so an average example weighs 1 (keeps the learning rate meaningful)
        double n = kept.size();
        double sentimentNorm = n / (2 * polar + settings.neutralShare() * polar);
        List<Example> out = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            Row r = kept.get(i);
            FeatureExtractor.Features f = features.get(i);
            int c = sentiment(r);
            double w = sourceWeight(r);
            out.add(new Example(r, f.buckets(), f.unigram(), f.value(), f.dense(), c, r.isComplaint() ? 1 : 0,
                    w * classFactor[c] * sentimentNorm, w * complaintFactor[stratum(r)][r.isComplaint() ? 1 : 0] * n / all));
        }
        if (!rows.isEmpty()) {
            note("%d rows, %d scorable; class weight totals neg %.0f neu %.0f pos %.0f; complaints %.0f of %.0f post-like, %.0f of %.0f long",
                    rows.size(), kept.size(), classTotal[0], classTotal[1], classTotal[2], complaintTotal[1][1],
                    complaintTotal[1][0] + complaintTotal[1][1], complaintTotal[0][1], complaintTotal[0][0] + complaintTotal[0][1]);
        }
        return out;
    }

    private static double factor(double target, double total) {
        return total == 0 ? 0 : target / total;
    }

    /** Complaint narratives have no sentiment label: for the sentiment heads they are negative. */
    private static int sentiment(Row r) {
        int g = Evaluation.gold(r.label());
        return g >= 0 ? g : 0;
    }

    private double sourceWeight(Row r) {
        if (r.label().equals("complaint")) {
            return settings.complaintNarrativeWeight();
        }
        if (r.file().startsWith("train-") || r.file().startsWith("feedback")) {
            // written for Earshot or corrected by its users: posts as Earshot sees them, few, so they count more
            return settings.writtenWeight();
        }
        return 1;
    }

    /**
     * Buckets that count as evidence: single words seen in at least {@code knownMinDocs} training
     * texts whose weights lean (positive against negative, or complaint) by {@code knownMinWeight}.
     */
    private long[] known(List<Example> examples, Model model) {
        int buckets = 1 << settings.bits();
        int[] docs = new int[buckets];
        int[] lastSeen = new int[buckets];
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            for (int f = 0; f < e.buckets().length; f++) {
                int b = e.buckets()[f];
                if (e.unigram()[f] && lastSeen[b] != i + 1) {
                    lastSeen[b] = i + 1;
                    docs[b]++;
                }
            }
        }
        long[] known = new long[Math.max(1, buckets / 64)];
        int count = 0;
        for (int b = 0; b < buckets; b++) {
            int k = b * Model.O;
            double lean = Math.max(Math.abs(model.w[k + 2] - model.w[k]), Math.abs(model.w[k + 3]));
            if (docs[b] >= settings.knownMinDocs() && lean >= settings.knownMinWeight()) {
                known[b >>> 6] |= 1L << b;
                count++;
            }
        }
        note("%d of %d buckets count as evidence", count, buckets);
        return known;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private void note(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        log.append(line).append('\n');
        System.err.println(line);
    }
}
