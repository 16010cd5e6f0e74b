package io.rackscope.desktop.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The JDK's HTTP server with limits a hostile or broken client cannot get around: the whole request
 * (line and headers) must arrive within {@link #REQUEST_SECONDS}, headers are capped at {@link
 * #HEADER_BYTES} bytes and {@link #HEADER_COUNT} lines, and an answer must be taken within {@link
 * #RESPONSE_SECONDS}.
 *
 * <p>The JDK reads these limits from system properties once, when its server classes are first
 * used, so every server of this app is made here; a property the user set on the command line wins.
 */
public final class LimitedHttpServer {
    public static final int REQUEST_SECONDS = 3;
    public static final int RESPONSE_SECONDS = 30;
    public static final int HEADER_BYTES = 16 * 1024;
    public static final int HEADER_COUNT = 64;

    static {
        setIfAbsent("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
        setIfAbsent("sun.net.httpserver.maxRspTime", Integer.toString(RESPONSE_SECONDS));
        setIfAbsent("sun.net.httpserver.maxReqHeaderSize", Integer.toString(HEADER_BYTES));
        setIfAbsent("sun.net.httpserver.maxReqHeaders", Integer.toString(HEADER_COUNT));
    }

    private LimitedHttpServer() {}

    public static HttpServer create(InetSocketAddress address, int backlog) throws IOException {
        return HttpServer.create(address, backlog);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
