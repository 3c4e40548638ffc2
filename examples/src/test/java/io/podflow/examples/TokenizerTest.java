package io.podflow.examples;

import io.podflow.api.functions.Collector;
import io.podflow.api.tuple.Tuple2;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenizerTest {

    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        new WordCount.Tokenizer().flatMap(line, new Collector<>() {
            @Override
            public void collect(Tuple2<String, Integer> word) {
                assertEquals(1, word.f1);
                words.add(word.f0);
            }
        });
        return words;
    }

    @Test
    void splitsOnPunctuationAndWhitespaceAndLowerCases() {
        assertEquals(List.of("to", "be", "or", "not", "to", "be", "that", "is", "the", "question"),
                words("  To be, or NOT to be -- that is the question:\t"));
    }

    @Test
    void keepsDigitsAndNonAsciiLettersInsideWords() {
        assertEquals(List.of("straße", "r2d2", "élan"), words("Straße R2D2... Élan!"));
    }

    @Test
    void emitsNothingForALineWithoutWords() {
        assertEquals(List.of(), words(" ,.; -- "));
    }
}
