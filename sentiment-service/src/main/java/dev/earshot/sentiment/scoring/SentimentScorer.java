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
public final class SentimentScorer {

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
        this.verdict = new Verdict(rules);
    }

    /**
     * Scores one mention.
     *
     * @param text   the mention's text (null counts as empty)
     * @param rating the star rating the source gave, or null
     */
    public Sentiment score(String text, Rating rating) {
        String t = text == null ? "" : text;
        Workspace w = Workspace.forText(t.length());
        w.reset();
        tokenizer.tokenize(t, w);
        double ratingScore = RatingBlend.ratingScore(rating);
        boolean hasRating = !Double.isNaN(ratingScore);

        String language = LanguageGuard.language(w);
        if (!LanguageGuard.scorable(w, language) || w.tokens == 0) {
            return verdict.ratingOnly(language, hasRating, ratingScore, rating);
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
        List<String> aspectList = aspects.found(w);
        int complaints = w.complaints;
        if (earshot) {
            sarcasm.apply(w, complaints);
        }
        contrast.apply(w);

        if (!CompoundScore.hasEvidence(w)) {
            Sentiment fromRating = verdict.ratingOnly(language, hasRating, ratingScore, rating);
            Intent intent = verdict.intent(w, fromRating.label(), fromRating.score(), fromRating.complaint());
            return new Sentiment(fromRating.score(), fromRating.label(), fromRating.complaint(), intent, aspectList,
                    fromRating.explanation(), language, false);
        }
        double sum = CompoundScore.sum(w);
        double punctuation = CompoundScore.punctuation(w, sum);
        sum += punctuation;
        double norm = CompoundScore.normalizer(sum);
        double textScore = CompoundScore.clamp(sum / norm);

        boolean conflict = hasRating && RatingBlend.conflict(textScore, ratingScore);
        double textWeight = hasRating ? RatingBlend.textWeight(conflict) : 1;
        double score = hasRating ? RatingBlend.blend(textScore, ratingScore, textWeight) : textScore;

        Label label = Verdict.label(score);
        boolean complaint = verdict.complaint(complaints, score);
        Intent intent = verdict.intent(w, label, score, complaint);
        List<Contribution> explanation = ExplanationBuilder.build(t, w, textWeight / norm, punctuation,
                hasRating && !conflict ? (1 - textWeight) * ratingScore : 0, rating);
        return new Sentiment(score, label, complaint, intent, aspectList, explanation, language, conflict);
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
