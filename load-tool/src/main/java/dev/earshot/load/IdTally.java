package dev.earshot.load;

import java.util.Arrays;

/**
 * Mention ids kept as 64-bit keys (a collision among a million ids has odds of about 1 in 10^7), so an hour of traffic (a million ids) fits in a few megabytes;
 * compares what was sent with what arrived: missing, and arrived more than once.
 */
final class IdTally {

    private long[] keys = new long[1024];
    private int size;

    /** An Earshot id (32 hex digits) folded to 64 bits; any other id hashed (FNV-1a). */
    static long key(String id) {
        if (id.length() == 32) {
            try {
                return Long.parseUnsignedLong(id, 0, 16, 16) * 0x9E3779B97F4A7C15L
                        + Long.parseUnsignedLong(id, 16, 32, 16);
            } catch (NumberFormatException e) {
                // not hex: hash it below
            }
        }
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    synchronized void add(String id) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
        }
        keys[size++] = key(id);
    }

    synchronized int size() {
        return size;
    }

    private synchronized long[] sorted() {
        long[] copy = Arrays.copyOf(keys, size);
        Arrays.sort(copy);
        return copy;
    }

    /** What became of each sent id among the arrivals (arrivals that were never sent are ignored). */
    record Comparison(long sent, long missing, long duplicated) {
        boolean exactlyOnce() {
            return missing == 0 && duplicated == 0;
        }
    }

    static Comparison compare(IdTally sent, IdTally arrived) {
        long[] s = sent.sorted();
        long[] a = arrived.sorted();
        long missing = 0;
        long duplicated = 0;
        int j = 0;
        for (int i = 0; i < s.length; i++) {
            if (i > 0 && s[i] == s[i - 1]) {
                continue; // sent twice counts once
            }
            while (j < a.length && a[j] < s[i]) {
                j++;
            }
            int copies = 0;
            while (j < a.length && a[j] == s[i]) {
                copies++;
                j++;
            }
            if (copies == 0) {
                missing++;
            } else if (copies > 1) {
                duplicated++;
            }
        }
        long distinctSent = Arrays.stream(s).distinct().count();
        return new Comparison(distinctSent, missing, duplicated);
    }
}
