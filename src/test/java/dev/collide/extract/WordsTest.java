package dev.collide.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tokens of a sentence, and the per-thread pool that lets a repeated word cost no copy. */
class WordsTest {
    private static List<String> texts(String sentence) {
        return Words.of(sentence, 0, sentence.length()).tokens().stream().map(Words.Token::text).toList();
    }

    @Test
    void tokens_areFoldedWordsNumbersAndSymbols_withTheirValues() {
        Words w = Words.of("Zephyr’s Quokka-9 shipped 2031-04-07.", 0, 37);
        assertEquals(List.of("zephyr's", "quokka", "-", "9", "shipped", "2031", "-", "04", "-", "07", "."),
                w.tokens().stream().map(Words.Token::text).toList());
        assertEquals(2031, w.get(5).value());
        assertEquals(7, w.get(9).value());
        assertEquals(-1, w.get(0).value());
        assertEquals(-1, Words.of("12345678901", 0, 11).get(0).value(), "more than 9 digits has no value");
    }

    @Test
    void aRepeatedWord_isThePooledString_andAnotherWordInItsSlotIsNotMistakenForIt() {
        String first = texts("the quokka weights").get(1);
        assertSame(first, texts("Quokka weights, said the QUOKKA team").get(0), "same word, other case: pooled");
        // "wombat" and "aaift" share a slot of the pool: each evicts the other, neither is read as the other
        assertEquals(List.of("wombat", "aaift", "wombat", "aaift"), texts("Wombat AAIFT wombat aaift"));
        assertEquals(List.of("aaift"), texts("aaift"));
        // the pool holds the folded word, never the text's spelling
        assertEquals(List.of("quokka", "quokka"), texts("QUOKKA quokka"));
    }

    @Test
    void threadsSharingThePool_eachGetTheirOwnWords_whileTheyEvictEachOther() throws Exception {
        // "wombat" and "aaift" share a slot: two threads keep replacing each other's word in it
        String[] sentences = {"Wombat wombat WOMBAT", "aaift AAIFT aaift"};
        List<String>[] expected = List.of(List.of("wombat", "wombat", "wombat"), List.of("aaift", "aaift", "aaift"))
                .toArray(List[]::new);
        java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int which = t % 2;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    if (!texts(sentences[which]).equals(expected[which])) {
                        wrong.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(0, wrong.get());
    }
}
