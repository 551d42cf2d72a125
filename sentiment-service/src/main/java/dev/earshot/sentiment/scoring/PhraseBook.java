package dev.earshot.sentiment.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Every multi-word rule (idioms, complaint patterns, aspect phrases) with its payload, indexed by
 * the first word so a token that starts no phrase costs one array read.
 */
final class PhraseBook {

    static final byte IDIOM = 0;
    static final byte COMPLAINT = 1;
    static final byte ASPECT = 2;
    static final byte PRAISE = 3;

    private final List<PhrasePattern> patternList = new ArrayList<>();
    private final List<Byte> kindList = new ArrayList<>();
    private final List<Double> valenceList = new ArrayList<>();
    private final List<Long> aspectList = new ArrayList<>();

    PhrasePattern[] patterns;
    byte[] kind;
    double[] valence;
    long[] aspects;
    /** Pattern indexes by the id of a word their first element accepts. */
    int[][] byFirstId;
    /** Pattern indexes whose first element accepts a class: [0] num, [1] time, [2] neg. */
    int[][] byFirstClass;

    void add(byte kind, double valence, long aspects, String source, Vocabulary.Builder vocabulary) {
        for (PhrasePattern p : PhrasePattern.compile(source, vocabulary)) {
            patternList.add(p);
            kindList.add(kind);
            valenceList.add(valence);
            aspectList.add(aspects);
        }
    }

    /** Freezes the book; call once every word is interned. */
    void index(int vocabularySize) {
        int n = patternList.size();
        patterns = patternList.toArray(new PhrasePattern[0]);
        kind = new byte[n];
        valence = new double[n];
        aspects = new long[n];
        List<List<Integer>> byId = new ArrayList<>(vocabularySize);
        for (int i = 0; i < vocabularySize; i++) {
            byId.add(null);
        }
        List<List<Integer>> byClass = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int p = 0; p < n; p++) {
            kind[p] = kindList.get(p);
            valence[p] = valenceList.get(p);
            aspects[p] = aspectList.get(p);
            PhrasePattern.Element first = patterns[p].elements[0];
            for (int id : first.ids()) {
                if (byId.get(id) == null) {
                    byId.set(id, new ArrayList<>());
                }
                if (!byId.get(id).contains(p)) {
                    byId.get(id).add(p);
                }
            }
            for (int bit = 0; bit < 3; bit++) {
                if ((first.classes() & (1 << bit)) != 0) {
                    byClass.get(bit).add(p);
                }
            }
        }
        byFirstId = new int[vocabularySize][];
        for (int id = 0; id < vocabularySize; id++) {
            if (byId.get(id) != null) {
                byFirstId[id] = byId.get(id).stream().mapToInt(Integer::intValue).toArray();
            }
        }
        byFirstClass = new int[3][];
        for (int bit = 0; bit < 3; bit++) {
            byFirstClass[bit] = byClass.get(bit).stream().mapToInt(Integer::intValue).toArray();
        }
        patternList.clear();
    }

    int size() {
        return patterns.length;
    }
}
