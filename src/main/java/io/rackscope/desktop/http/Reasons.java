package io.rackscope.desktop.http;

import java.io.EOFException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Network and TLS failures said in an operator's words: the JDK's messages carry class names
 * ({@code sun.security.validator.ValidatorException: PKIX path building failed ...}) that mean
 * nothing on a wall display.
 */
public final class Reasons {
    /** A qualified Java class name, with the colon that follows it in exception messages. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?::\\s*)?");

    private Reasons() {}

    /** Why a TLS connection failed. */
    public static String tls(Throwable e) {
        String all = chain(e).toLowerCase(Locale.ROOT);
        if (has(e, CertificateExpiredException.class) || all.contains("expired")) {
            return "the server's certificate has expired";
        }
        if (has(e, CertificateNotYetValidException.class)) {
            return "the server's certificate is not valid yet (check the clocks)";
        }
        if (all.contains("pkix") || all.contains("unable to find valid certification path")) {
            return "the server's certificate is not signed by a trusted CA";
        }
        if (all.contains("subject alternative name")
                || all.contains("hostname")
                || all.contains("doesn't match")) {
            return "the server's certificate does not name this host";
        }
        if (all.contains("plaintext connection") || all.contains("unrecognized ssl message")) {
            return "the server does not speak TLS on this port (http:// instead of https://?)";
        }
        if (all.contains("bad_certificate") || all.contains("certificate_required")) {
            return "the server refused the client certificate (or wants one)";
        }
        if (all.contains("protocol_version") || all.contains("handshake_failure")) {
            return "the server and the app share no TLS version or cipher";
        }
        return "the TLS handshake failed (" + plain(e) + ")";
    }

    /** Why a connection broke, for failures without a better-known cause. */
    public static String connection(Throwable e) {
        if (e instanceof EOFException || e instanceof ProtocolException) {
            return "the server closed the connection in the middle of an answer";
        }
        if (e instanceof SocketException) {
            return "the connection was reset";
        }
        return plain(e);
    }

    /** The message of {@code e} with class names taken out; never empty. */
    public static String plain(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "no reason given";
        }
        String cleaned = CLASS_NAME.matcher(m).replaceAll("").strip();
        return cleaned.isEmpty() ? "no reason given" : cleaned;
    }

    private static String chain(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append(' ');
        }
        return b.toString();
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
