package dev.earshot.sentiment.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A sentiment word list: each entry's mean valence on VADER's scale (-4 extremely negative to
 * +4 extremely positive). Immutable.
 *
 * <p>The default is VADER's MIT-licensed lexicon, which the build unpacks from Maven Central onto
 * the classpath as {@value #VADER_RESOURCE}; nobody types a lexicon in by hand here.
 */
public final class Lexicon {

    /** Classpath location of VADER's word list (token, mean valence, sd, raw ratings; tab-separated). */
    public static final String VADER_RESOURCE = "vader_sentiment_lexicon.txt";

    private final Map<String, Double> valences;

    private Lexicon(Map<String, Double> valences) {
        this.valences = Collections.unmodifiableMap(valences);
    }

    /** VADER's lexicon from the classpath, read once per JVM. */
    public static Lexicon vader() {
        return VaderHolder.VADER;
    }

    /** A lexicon of the given entries; keys are matched lower-case. */
    public static Lexicon of(Map<String, Double> valences) {
        Map<String, Double> copy = new LinkedHashMap<>();
        valences.forEach((word, valence) -> copy.put(word.toLowerCase(Locale.ROOT), valence));
        return new Lexicon(copy);
    }

    /**
     * Reads a lexicon in VADER's format: one entry a line, tab-separated, the token first and its
     * mean valence second; further columns are ignored. As in VADER's reference code a later
     * duplicate replaces an earlier one.
     */
    public static Lexicon parse(Reader reader) throws IOException {
        Map<String, Double> entries = new LinkedHashMap<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IOException("lexicon line " + number + " has no tab-separated valence: " + line);
            }
            int end = line.indexOf('\t', tab + 1);
            String value = end < 0 ? line.substring(tab + 1) : line.substring(tab + 1, end);
            try {
                entries.put(line.substring(0, tab).strip().toLowerCase(Locale.ROOT), Double.parseDouble(value.strip()));
            } catch (NumberFormatException e) {
                throw new IOException("lexicon line " + number + " has no numeric valence: " + line, e);
            }
        }
        return new Lexicon(entries);
    }

    /** Reads a lexicon in VADER's format from the classpath. */
    public static Lexicon fromClasspath(String resource) {
        ClassLoader loader = Lexicon.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("lexicon " + resource + " is not on the classpath;"
                        + " the sentiment-service build unpacks it (mvn generate-resources)");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + resource, e);
        }
    }

    /** Every entry, lower-case word to mean valence. */
    public Map<String, Double> entries() {
        return valences;
    }

    /** The valence of a word (any case), or 0 when it is not in the lexicon. */
    public double valence(String word) {
        Double v = valences.get(word.toLowerCase(Locale.ROOT));
        return v == null ? 0 : v;
    }

    public boolean contains(String word) {
        return valences.containsKey(word.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return valences.size();
    }

    private static final class VaderHolder {
        static final Lexicon VADER = fromClasspath(VADER_RESOURCE);
    }
}
