package dev.earshot.ingest.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourceReaderTest {

    @Test
    void aPageParameterIsSetOrReplacedInTheQuery() {
        assertEquals("https://hn.algolia.com/api/v1/search_by_date?query=x&page=2",
                SourceReader.withPage("https://hn.algolia.com/api/v1/search_by_date?query=x", "page", 2));
        assertEquals("https://api.example/reviews?sort=new&page=3",
                SourceReader.withPage("https://api.example/reviews?page=1&sort=new", "page", 3));
        assertEquals("https://api.example/reviews?p=2", SourceReader.withPage("https://api.example/reviews", "p", 2));
    }
}
