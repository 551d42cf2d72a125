package dev.earshot.alert.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

/**
 * GreenMail behind a {@link SlowSmtpProxy} that answers DATA after 15 s (longer than a Kafka Streams
 * transaction may take); the service's send timeout is above that, so each send succeeds, slowly.
 * Fills test fields of type {@link GreenMail} and {@link SlowSmtpProxy}.
 */
public class SlowSmtpResource implements QuarkusTestResourceLifecycleManager {

    public static final Duration DATA_DELAY = Duration.ofSeconds(15);

    private GreenMail greenMail;
    private SlowSmtpProxy proxy;

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        proxy = new SlowSmtpProxy(port, DATA_DELAY);
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(proxy.port()),
                "quarkus.mailer.mock", "false", "earshot.alert.notifications.send-timeout", "45s");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(greenMail, new TestInjector.MatchesType(GreenMail.class));
        testInjector.injectIntoFields(proxy, new TestInjector.MatchesType(SlowSmtpProxy.class));
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
