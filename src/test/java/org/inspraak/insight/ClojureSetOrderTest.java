package org.inspraak.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import clojure.lang.IPersistentCollection;
import clojure.lang.ISeq;
import clojure.lang.PersistentHashSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClojureSetOrderTest {

    @Test
    void participantsComeInTheOrderOfClojuresOwnHashSet() {
        Random random = new Random(7);
        for (int n : new int[] {1, 9, 15, 33, 281, 1_000, 5_000}) {
            List<Long> small = new ArrayList<>();
            List<Long> large = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                small.add(i);
                large.add(random.nextLong());
            }
            assertThat(sortedLikeUs(small)).as("ids 0..%d", n - 1).isEqualTo(clojureOrder(small));
            assertThat(sortedLikeUs(large)).as("%d random ids", n).isEqualTo(clojureOrder(large));
        }
    }

    @Test
    void zeroHashesToZeroAsInClojure() {
        assertThat(ClojureSetOrder.hash(0)).isZero();
        assertThat(ClojureSetOrder.hash(42)).isEqualTo(clojure.lang.Murmur3.hashLong(42));
        assertThat(ClojureSetOrder.hash(-1L << 40)).isEqualTo(clojure.lang.Murmur3.hashLong(-1L << 40));
    }

    private static List<Long> sortedLikeUs(List<Long> ids) {
        List<Long> out = new ArrayList<>(ids);
        out.sort(ClojureSetOrder.NUMBERS);
        return out;
    }

    private static List<Long> clojureOrder(List<Long> ids) {
        IPersistentCollection set = PersistentHashSet.EMPTY;
        for (long id : ids) {
            set = set.cons(id);
        }
        List<Long> out = new ArrayList<>();
        for (ISeq s = set.seq(); s != null; s = s.next()) {
            out.add((Long) s.first());
        }
        return out;
    }
}
