package dev.earshot.sentiment.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every word the scorer knows, each with a dense id, in an open-addressing table that is probed
 * straight from a char buffer: looking up a token costs one hash and no allocation.
 */
final class Vocabulary {

    private final int[] slots;       // id + 1, 0 = empty
    private final int mask;
    private final char[] chars;
    private final int[] start;
    private final int[] length;
    private final String[] words;

    private Vocabulary(List<String> words) {
        int n = words.size();
        this.words = words.toArray(new String[0]);
        int capacity = Integer.highestOneBit(Math.max(16, n * 3)) << 1;
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        this.start = new int[n];
        this.length = new int[n];
        int total = 0;
        for (String w : words) {
            total += w.length();
        }
        this.chars = new char[total];
        int at = 0;
        for (int id = 0; id < n; id++) {
            String w = words.get(id);
            w.getChars(0, w.length(), chars, at);
            start[id] = at;
            length[id] = w.length();
            at += w.length();
            int h = mix(hash(chars, start[id], length[id]));
            int slot = h & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id + 1;
        }
    }

    /** The id of the word in {@code buf[off, off + len)}, or -1. {@code rawHash} is {@link #hash}. */
    int find(char[] buf, int off, int len, int rawHash) {
        int slot = mix(rawHash) & mask;
        int entry;
        while ((entry = slots[slot]) != 0) {
            int id = entry - 1;
            if (length[id] == len && Arrays.equals(chars, start[id], start[id] + len, buf, off, off + len)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    int find(String word) {
        char[] buf = word.toCharArray();
        return find(buf, 0, buf.length, hash(buf, 0, buf.length));
    }

    String word(int id) {
        return words[id];
    }

    int size() {
        return words.length;
    }

    static int hash(char[] buf, int off, int len) {
        int h = 0;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + buf[i];
        }
        return h;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    /** Collects words and hands out ids in first-seen order. */
    static final class Builder {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> words = new ArrayList<>();

        int intern(String word) {
            Integer id = ids.get(word);
            if (id == null) {
                id = words.size();
                ids.put(word, id);
                words.add(word);
            }
            return id;
        }

        int size() {
            return words.size();
        }

        Vocabulary build() {
            return new Vocabulary(words);
        }
    }
}
