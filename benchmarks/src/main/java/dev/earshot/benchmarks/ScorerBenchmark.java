package dev.earshot.benchmarks;

import dev.earshot.events.Rating;
import dev.earshot.sentiment.scoring.LearnedScorer;
import dev.earshot.sentiment.scoring.Scorer;
import dev.earshot.sentiment.scoring.Sentiment;
import dev.earshot.sentiment.scoring.SentimentScorer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many review-length mentions (150–300 characters) the scorer handles per second on one
 * thread, and what each costs in allocation: the default learned scorer ({@code score},
 * {@code scoreWithRating}) and the rules alone it builds on ({@code rulesOnly}). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar ScorerBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class ScorerBenchmark {

    /** Typical mentions: reviews, complaints and posts, 150 to 300 characters each. */
    static final String[] MENTIONS = {
        "Ordered a pair of running shoes on the 3rd and they still haven't arrived. Tracking has said out for delivery for five days and nobody answers the phone. Really disappointed.",
        "Absolutely loved our stay! The staff went above and beyond, the room was spotless and breakfast was delicious. Parking is a bit pricey, but we'll definitely be back.",
        "The coffee machine works fine but the milk frother stopped working after two weeks. Support sent a replacement quickly, so overall I'm happy with how they handled it :)",
        "Great, another late delivery. Third time this month my parcel has been left at the wrong house and the driver marked it as delivered. Thanks for nothing @QuickShip 😡",
        "We booked a table for six at 7pm and weren't seated until quarter to eight. Food was good when it came, but the waiter forgot our drinks twice and the bill was wrong.",
        "I was charged twice for the same order and it's been three weeks. I've sent four emails and had no reply. I want my money back and I will not be ordering from them again.",
        "Lovely little bakery on the corner. The sourdough is excellent, the croissants are flaky and buttery, and the owner always remembers my name. Highly recommend the cinnamon buns.",
        "The app looks nice but it crashes every time I try to upload a photo, and the latest update logged me out twice. Not impressed, considering I pay for the premium plan.",
        "Plumber arrived on time, explained what was wrong with the boiler and had it fixed within the hour. Fair price and he cleaned up after himself. Would use again.",
        "The hotel room was smaller than the photos and smelled of smoke. The bathroom was filthy and the air conditioning didn't work. Reception said they had no other rooms.",
        "Not bad at all for the price. The headphones are comfortable and the sound is clear, though the battery barely lasts a day and the case feels a little flimsy.",
        "Is the store on Mill Lane open on Sunday? I need to return a jacket I bought last week and I can't find the opening hours anywhere on the website. Thanks in advance!",
        "Waited 40 minutes at the counter for a cold latte and a stale croissant. The barista was rude when I asked about my order. Never again, there are better places nearby.",
        "My new sofa arrived a day early, the delivery team were friendly and careful, and it looks even better than in the showroom. Couldn't be happier with the whole experience.",
        "Dear @FibreNet, day 4 of no internet. I work from home and have been on hold for over an hour today. Your engineer didn't turn up on Monday either. Absolute joke.",
        "The kids loved the museum, especially the dinosaur hall. Cafe was overpriced and the queue was long, but the staff were helpful and the exhibitions are well worth a visit.",
    };

    private Scorer scorer;
    private SentimentScorer rules;
    private final Rating rating = new Rating(2, 5);
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        scorer = LearnedScorer.withDefaults();
        rules = SentimentScorer.withDefaults();
        for (String m : MENTIONS) {
            if (m.length() < 150 || m.length() > 300) {
                throw new IllegalStateException("not review length (" + m.length() + "): " + m);
            }
        }
    }

    /** One mention scored, text only. */
    @Benchmark
    public Sentiment score() {
        String text = MENTIONS[next];
        next = (next + 1) & (MENTIONS.length - 1);
        return scorer.score(text, null);
    }

    /** One mention scored with a star rating to blend in. */
    @Benchmark
    public Sentiment scoreWithRating() {
        String text = MENTIONS[next];
        next = (next + 1) & (MENTIONS.length - 1);
        return scorer.score(text, rating);
    }

    /** One mention scored by the rules alone (the scorer before the learned tier), text only. */
    @Benchmark
    public Sentiment rulesOnly() {
        String text = MENTIONS[next];
        next = (next + 1) & (MENTIONS.length - 1);
        return rules.score(text, null);
    }
}
