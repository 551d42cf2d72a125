package dev.earshot.sentiment.scoring;

/**
 * The learned scorer's calibrated probabilities (temperature-scaled on its dev split). The first
 * three add up to 1; {@code complaint} is a separate yes/no head.
 */
public record Probabilities(double negative, double neutral, double positive, double complaint) {
}
