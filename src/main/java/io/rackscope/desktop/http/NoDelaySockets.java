package io.rackscope.desktop.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * Plain sockets (under TLS too) with Nagle's algorithm off, for every HTTP client of the app. A
 * query is a POST whose body OkHttp writes after its headers: with Nagle on, the body waits for the
 * server to acknowledge the headers, which Linux delays up to 40 ms, so every Prometheus query took
 * ~50 ms instead of ~5-10 ms on loopback.
 */
public final class NoDelaySockets extends SocketFactory {
    private final SocketFactory plain = SocketFactory.getDefault();

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(plain.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(plain.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort)
            throws IOException {
        return noDelay(plain.createSocket(host, port, local, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(plain.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort)
            throws IOException {
        return noDelay(plain.createSocket(address, port, local, localPort));
    }

    private static Socket noDelay(Socket s) throws SocketException {
        s.setTcpNoDelay(true);
        return s;
    }
}
