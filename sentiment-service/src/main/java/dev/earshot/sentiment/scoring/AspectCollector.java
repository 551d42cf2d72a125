package dev.earshot.sentiment.scoring;

import java.util.List;

/**
 * Collects the aspects a mention is about, in order of first appearance: single keywords (and
 * their plurals) per token, and the bits that multi-word keywords and complaint/praise phrases imply.
 */
final class AspectCollector {

    private final long[] aspectBits;
    private final String[] aspectIds;

    AspectCollector(CompiledRules rules) {
        this.aspectBits = rules.aspectBits;
        this.aspectIds = rules.aspectIds;
    }

    /** Adds the aspects of the single-word keywords in {@code [from, to)}. */
    void collectWords(Workspace w, int from, int to) {
        // the cursor stays in locals while walking the tokens: this loop runs for every token
        long seen = w.aspectSeen;
        int count = w.aspectCount;
        int[] order = w.aspectOrder;
        for (int i = from; i < to; i++) {
            int id = w.id[i];
            if (id >= 0) {
                long bits = aspectBits[id] & ~seen;
                while (bits != 0) {
                    int a = Long.numberOfTrailingZeros(bits);
                    order[count++] = a;
                    seen |= 1L << a;
                    bits &= bits - 1;
                }
            }
        }
        w.aspectSeen = seen;
        w.aspectCount = count;
    }

    /** Adds the aspects in {@code bits} not seen yet, lowest bit first. */
    void collect(Workspace w, long bits) {
        long newBits = bits & ~w.aspectSeen;
        while (newBits != 0) {
            int a = Long.numberOfTrailingZeros(newBits);
            w.aspectOrder[w.aspectCount++] = a;
            w.aspectSeen |= 1L << a;
            newBits &= newBits - 1;
        }
    }

    /** The aspect ids collected so far. */
    List<String> found(Workspace w) {
        String[] found = new String[w.aspectCount];
        for (int a = 0; a < w.aspectCount; a++) {
            found[a] = aspectIds[w.aspectOrder[a]];
        }
        return List.of(found);
    }
}
