package dev.earshot.sentiment;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Map;

/** Settings of sentiment-service ({@code earshot.sentiment.*}). */
@ConfigMapping(prefix = "earshot.sentiment")
public interface SentimentConfig {

    /**
     * Extra keywords per aspect, added to the built-in taxonomy; a new aspect name adds an aspect.
     * E.g. {@code earshot.sentiment.aspects.parking=parking lot,car park}.
     */
    Map<String, List<String>> aspects();
}
