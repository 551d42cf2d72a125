package dev.earshot.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailTallyTest {

    @Test
    void countsEmailsPerProbeBrand() {
        List<SmtpProxy.Delivery> emails = List.of(email("pr@probe-1.example", "i1", "1"),
                email("pr@probe-12.example", "i12", "1"), email("pr@probe-1.example", "i1", "1"),
                email("pr@brand-3.example", "i3", "2"));
        assertEquals(Map.of("probe-1", 2, "probe-12", 1), EmailTally.perProbe(emails));
    }

    @Test
    void aRevisionSentTwiceIsADuplicateAndANewRevisionIsNot() {
        List<SmtpProxy.Delivery> emails = List.of(email("pr@brand-3.example", "i3", "1"),
                email("pr@brand-3.example", "i3", "2"), email("pr@brand-3.example", "i3", "2"),
                new SmtpProxy.Delivery(List.of("ops@load.example"), Map.of("x-earshot-delivery", "monitor-1")));
        assertEquals(new EmailTally.Duplicates(4, 3, 1), EmailTally.duplicates(emails));
    }

    private static SmtpProxy.Delivery email(String to, String incident, String revision) {
        return new SmtpProxy.Delivery(List.of(to), Map.of("x-earshot-incident", incident, "x-earshot-revision", revision));
    }
}
