package io.rackscope.desktop.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class NoDelaySocketsTest {
    @Test
    void everySocketItMakesSendsAtOnce() throws Exception {
        NoDelaySockets sockets = new NoDelaySockets();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                Socket unconnected = sockets.createSocket();
                Socket byName = sockets.createSocket("127.0.0.1", server.getLocalPort());
                Socket byAddress =
                        sockets.createSocket(
                                InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertTrue(unconnected.getTcpNoDelay(), "OkHttp's way: made, then connected");
            assertTrue(byName.getTcpNoDelay());
            assertTrue(byAddress.getTcpNoDelay());
        }
    }
}
