package dev.earshot.ingest.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.ingest.extract.TextLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Folding is bounded whatever a feed sends: the characters that normalizing expands most are capped first. */
class TextFoldTest {

    /** ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM: NFKD turns this one character into 18. */
    static final String EXPANDS_18_FOLD = "\uFDFA";

    @Test
    void aTextOfCharactersThatExpand18FoldIsCappedBeforeItIsNormalized() {
        String hostile = "Northwind " + EXPANDS_18_FOLD.repeat(1_000_000); // 1 M characters, 3 MB in UTF-8
        String folded = TextFold.fold(hostile);
        // Uncapped this is 18 M characters (36 MB) per copy; capped, at most 18 × the searchable limit.
        assertTrue(folded.length() <= 18L * TextFold.MAX_CHARS, "folded to " + folded.length() + " characters");
        assertTrue(TextFold.MAX_CHARS >= TextLimits.TITLE + 1 + TextLimits.TEXT, "all of a capped mention is matched");
        assertEquals(List.of("northwind"), BrandMatcher.termsIn(new BrandRule("northwind",
                List.of("Northwind"), List.of()), hostile), "the text is still matched");
    }

    @Test
    void cappingNeverSplitsASurrogatePair() {
        String text = "a".repeat(TextFold.MAX_CHARS - 1) + "\uD83D\uDE00"; // 😀 across the cap
        String folded = TextFold.fold(text);
        assertEquals(TextFold.MAX_CHARS - 1, folded.length(), "the half emoji is dropped, not kept broken");
    }
}
