package dev.earshot.events;

/**
 * One reason a score moved: the words in the text ({@code term}), the rule that read them
 * ({@code rule}, e.g. {@code lexicon}, {@code negation}, {@code complaint-phrase}) and how far
 * it moved the score ({@code weight}, negative = towards negative).
 */
public record Contribution(String term, String rule, double weight) {
}
