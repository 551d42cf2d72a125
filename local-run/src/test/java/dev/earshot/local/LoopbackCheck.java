package dev.earshot.local;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/** Whether a server answers on this machine's network address or only on loopback. */
final class LoopbackCheck {

    private LoopbackCheck() {
    }

    /** One of this machine's addresses on a network (not loopback); the test is skipped on a machine without one. */
    static InetSocketAddress nonLoopbackAddress(int port) throws SocketException {
        Optional<InetAddress> address = Optional.empty();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            address = Collections.list(nic.getInetAddresses()).stream()
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
            if (address.isPresent()) {
                break;
            }
        }
        assumeTrue(address.isPresent(), "this machine has no network address besides loopback");
        return new InetSocketAddress(address.get(), port);
    }

    /** Connects and closes at once; throws ConnectException when nothing listens there. */
    static void connect(InetSocketAddress address) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 5_000);
        }
    }
}
