package dev.earshot.local;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.earshot.kafka.embedded.EmbeddedKafkaBroker;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local run's own servers - the inbox (SMTP and web page, which shows every email and its live
 * acknowledge link), the demo review site and the embedded broker - answer on loopback only, never
 * on this machine's network address. The services are checked in {@link PipelineEndToEndTest}.
 */
class LocalToolsListenOnLoopbackTest {

    @TempDir
    Path work;

    @Test
    void inboxDemoSiteAndBrokerAnswerOnLoopbackOnly() throws Exception {
        InetSocketAddress network = LoopbackCheck.nonLoopbackAddress(0);
        try (LocalInbox inbox = LocalInbox.start(0, 0, work.resolve("inbox")).quiet();
                DemoSite site = DemoSite.start(0, List.of());
                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"), 0, true)) {
            int webPort = Integer.parseInt(inbox.webUrl().replaceAll(".*:(\\d+)/$", "$1"));
            int sitePort = Integer.parseInt(site.baseUrl().replaceAll(".*:(\\d+)$", "$1"));
            int kafkaPort = Integer.parseInt(broker.bootstrapServers().replaceAll(".*:(\\d+)$", "$1"));
            for (int port : new int[] {inbox.smtpPort(), webPort, sitePort, kafkaPort}) {
                LoopbackCheck.connect(new InetSocketAddress("127.0.0.1", port));
                InetSocketAddress fromNetwork = new InetSocketAddress(network.getAddress(), port);
                assertThrows(ConnectException.class, () -> LoopbackCheck.connect(fromNetwork),
                        "answers on " + fromNetwork);
            }
        }
    }
}
