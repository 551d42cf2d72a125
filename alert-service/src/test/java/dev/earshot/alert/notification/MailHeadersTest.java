package dev.earshot.alert.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Whatever reaches a mail header, it stays one header. */
class MailHeadersTest {

    @Test
    void lineBreaksAndOtherControlCharactersNeverReachAHeader() {
        for (String hostile : new String[] {"abc\r\nBcc: evil@x", "abc\nBcc: evil@x", "abc\rBcc: evil@x",
                "a\u0000b\u001b[31mc\u0085d\u2028e"}) {
            String value = MailHeaders.value(hostile);
            assertFalse(value.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028),
                    "no control character left in " + value);
        }
        assertEquals("abc  Bcc: evil@x", MailHeaders.value("abc\r\nBcc: evil@x"), "shown, not obeyed");
        assertEquals("instant-acme-0123#r1#opened#email", MailHeaders.value("instant-acme-0123#r1#opened#email"));
        assertEquals("Acme · Café", MailHeaders.value("Acme · Café"));
        assertEquals("", MailHeaders.value(null));
    }
}
