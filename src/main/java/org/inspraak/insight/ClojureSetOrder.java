package org.inspraak.insight;

import java.util.Comparator;

import org.apache.commons.codec.digest.MurmurHash3;

/**
 * The order in which Clojure walks a hash set or hash map of participant numbers. Polis keeps who is in the
 * conversation as such a set and takes its rows in that order ({@code (nm/rowname-subset proj-nmat in-conv)} in
 * {@code conversation.clj}), so its k-means seeds the base clusters with the first distinct positions in this order,
 * and its greedy-15 rule breaks ties in it. Clojure hashes a long with Murmur3 (x86, 32 bit, seed 0, over the eight
 * little-endian bytes; 0 hashes to 0) and its hash array mapped trie visits entries by the hash's 5-bit digits, lowest
 * digit first.
 */
final class ClojureSetOrder {

    /** Numbers in the order Clojure's hash set of them yields them. */
    static final Comparator<Long> NUMBERS = Comparator.comparingLong(ClojureSetOrder::key);

    private ClojureSetOrder() {}

    static int hash(long number) {
        if (number == 0) {
            return 0;
        }
        byte[] bytes = new byte[Long.BYTES];
        for (int i = 0; i < Long.BYTES; i++) {
            bytes[i] = (byte) (number >>> (8 * i));
        }
        return MurmurHash3.hash32x86(bytes, 0, bytes.length, 0);
    }

    /** The hash's 5-bit digits, lowest first, as one number that sorts the way the trie is walked. */
    static long key(long number) {
        int h = hash(number);
        long key = 0;
        for (int shift = 0; shift < Integer.SIZE; shift += 5) {
            key = (key << 5) | ((h >>> shift) & 0x1f);
        }
        return key;
    }
}
