package dev.earshot.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class MentionIdsTest {

    @Test
    void sameReviewGetsTheSameIdWhateverTrackingOrCase() {
        String a = MentionIds.id("src", null, "https://Reviews.example:443/r/1?utm_source=x#top", "Bad");
        String b = MentionIds.id("src", null, "https://reviews.example/r/1", "Bad, edited later");
        assertEquals(a, b);
        assertEquals(32, a.length());
    }

    @Test
    void guidWinsOverLinkAndTextIsTheLastResort() {
        assertEquals(MentionIds.id("src", "g-1", "https://a.example/1", "x"),
                MentionIds.id("src", "g-1", "https://a.example/other", "y"));
        assertEquals(MentionIds.id("src", null, null, "Cold  coffee"), MentionIds.id("src", null, " ", "cold coffee"));
        assertNotEquals(MentionIds.id("src", null, null, "cold coffee"), MentionIds.id("src", null, null, "hot coffee"));
    }

    @Test
    void sourceIsPartOfTheIdentity() {
        assertNotEquals(MentionIds.id("a", "g", null, "t"), MentionIds.id("b", "g", null, "t"));
    }

    @Test
    void contentHashChangesWhenTheTextIsEditedButNotForWhitespace() {
        assertEquals(MentionIds.contentHash("T", "Bad  service"), MentionIds.contentHash("T", " bad service "));
        assertNotEquals(MentionIds.contentHash("T", "Bad service"), MentionIds.contentHash("T", "Great service"));
    }

    @Test
    void queryParametersThatMatterAreKept() {
        assertEquals("https://a.example/r?id=7", MentionIds.canonicalLink("HTTPS://A.example/r?utm_medium=m&id=7"));
    }

    @Test
    void normalizingReadsAtMostTheCapSoACharacterThatExpands18FoldCannotBlowUpTheHeap() {
        String ligatures = "\uFDFA".repeat(MentionIds.MAX_NORMALIZED_CHARS); // each becomes 18 characters under NFKC
        assertEquals(MentionIds.contentHash(null, ligatures), MentionIds.contentHash(null, ligatures + "\uFDFA".repeat(900_000)),
                "what lies beyond the cap is not normalized, so it is not part of the hash");
        assertEquals(MentionIds.id("src", null, null, ligatures), MentionIds.id("src", null, null, ligatures + " more"));
        assertNotEquals(MentionIds.contentHash(null, "cold coffee"), MentionIds.contentHash(null, "cold tea"));
    }
}
