package dev.earshot.sentiment.scoring;

import dev.earshot.events.Contribution;
import dev.earshot.events.Intent;
import dev.earshot.events.Label;
import dev.earshot.events.Rating;
import java.util.List;

/**
 * Scores how a mention feels: VADER's published rule-based method in plain Java, plus a complaint
 * layer, aspects, a star-rating blend and a language guard. See {@code sentiment-service/SCORING.md}.
 *
 * <p>Immutable and thread-safe: build one at startup and share it. Everything the hot path needs
 * is precompiled into int-indexed arrays ({@link CompiledRules}); a token costs one hash lookup,
 * and a call allocates little beyond its result (each thread reuses its own {@link Workspace}).
 * This class only runs the steps in order; each step is its own class.
 */
public final class SentimentScorer implements Scorer {

    /** Which rules run: {@code VADER} is the published method alone, kept as the evaluation baseline. */
    enum Mode { EARSHOT, VADER }

    private final CompiledRules rules;
    private final boolean earshot;
    private final Tokenizer tokenizer;
    private final ValenceRules valenceRules;
    private final PhraseMatcher phrases;
    private final AspectCollector aspects;
    private final SarcasmRule sarcasm;
    private final ContrastRule contrast;
    private final PostCues cues;
    private final Verdict verdict;

    /** VADER's lexicon from the classpath and Earshot's default aspects. */
    public static SentimentScorer withDefaults() {
        return DefaultHolder.DEFAULT;
    }

    private static final class DefaultHolder {
        static final SentimentScorer DEFAULT = new SentimentScorer(Lexicon.vader(), AspectTaxonomy.defaults());
    }

    public SentimentScorer(Lexicon lexicon, AspectTaxonomy aspects) {
        this(lexicon, aspects, Mode.EARSHOT);
    }

    SentimentScorer(Lexicon lexicon, AspectTaxonomy aspects, Mode mode) {
        this.rules = new CompiledRules(lexicon, aspects, mode);
        this.earshot = rules.earshot();
        EmojiReader emoji = new EmojiReader(rules);
        this.tokenizer = new Tokenizer(rules, emoji);
        this.valenceRules = new ValenceRules(rules, emoji);
        this.phrases = new PhraseMatcher(rules);
        this.aspects = new AspectCollector(rules);
        this.sarcasm = new SarcasmRule(rules);
        this.contrast = new ContrastRule(rules);
        this.cues = new PostCues(rules);
        this.verdict = new Verdict(rules);
    }

    /**
     * Scores one mention.
     *
     * @param text   the mention's text (null counts as empty)
     * @param rating the star rating the source gave, or null
     */
    @Override
    public Sentiment score(String text, Rating rating) {
        String t = text == null ? "" : text;
        Workspace w = Workspace.forText(t.length());
        analyse(t, w);
        double ratingScore = RatingBlend.ratingScore(rating);
        boolean hasRating = !Double.isNaN(ratingScore);
        if (!w.scorable) {
            return verdict.ratingOnly(w.language, hasRating, ratingScore, rating);
        }
        if (!w.evidence) {
            return verdict.ratingOnlyWithIntent(w, hasRating, ratingScore, rating);
        }
        double textScore = w.textScore;
        boolean conflict = hasRating && RatingBlend.conflict(textScore, ratingScore);
        double textWeight = hasRating ? RatingBlend.textWeight(conflict) : 1;
        double score = hasRating ? RatingBlend.blend(textScore, ratingScore, textWeight) : textScore;

        Label label = Verdict.label(score);
        boolean complaint = verdict.complaint(w.complaintMatches, score);
        Intent intent = verdict.intent(w, label, score, complaint);
        List<Contribution> explanation = ExplanationBuilder.build(t, w, textWeight / w.norm, w.punctuation,
                hasRating && !conflict ? (1 - textWeight) * ratingScore : 0, rating);
        return new Sentiment(score, label, complaint, intent, w.aspectList, explanation, w.language, conflict);
    }

    /**
     * Runs the rules over {@code t} and leaves what they found in {@code w}: tokens with their
     * valences and rules, the language, whether the text may be scored and has any evidence, the
     * aspects, and VADER's compound score. Both the rules' verdict and the learned one start here.
     */
    void analyse(String t, Workspace w) {
        w.reset();
        tokenizer.tokenize(t, w);
        w.language = LanguageGuard.language(w);
        w.scorable = LanguageGuard.scorable(w, w.language) && w.tokens > 0;
        if (!w.scorable) {
            return;
        }
        boolean capDiff = w.capsWords > 0 && w.plainWords > 0;
        for (int s = 0; s < w.sentences; s++) {
            int from = w.sentStart[s];
            int to = w.sentEnd[s];
            valenceRules.markModifiers(w, from, to);
            aspects.collectWords(w, from, to);
            aspects.collect(w, phrases.match(w, from, to));
            valenceRules.valueSentence(w, from, to, capDiff);
        }
        w.aspectList = aspects.found(w);
        w.complaintMatches = w.complaints;
        if (earshot) {
            cues.read(t, w);
            sarcasm.apply(w, w.complaintMatches);
        }
        contrast.apply(w);
        w.evidence = CompoundScore.hasEvidence(w);
        if (!w.evidence) {
            return;
        }
        double sum = CompoundScore.sum(w);
        w.punctuation = CompoundScore.punctuation(w, sum);
        sum += w.punctuation;
        w.norm = CompoundScore.normalizer(sum);
        w.textScore = CompoundScore.clamp(sum / w.norm);
    }

    Verdict verdict() {
        return verdict;
    }

    /** The rating on [-1, 1], or NaN when there is none usable; see {@link RatingBlend#ratingScore}. */
    static double ratingScore(Rating rating) {
        return RatingBlend.ratingScore(rating);
    }

    /** How many words, phrases and rules this scorer holds (for logs and health checks). */
    @Override
    public String toString() {
        return "SentimentScorer[" + rules + "]";
    }
}
