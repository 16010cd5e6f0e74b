package io.rackscope.desktop.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.EOFException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class ReasonsTest {
    @Test
    void tlsFailuresAreSaidWithoutJavaClassNames() {
        SSLHandshakeException pkix =
                new SSLHandshakeException(
                        "PKIX path building failed:"
                                + " sun.security.provider.certpath.SunCertPathBuilderException:"
                                + " unable to find valid certification path to requested target");
        assertEquals("the server's certificate is not signed by a trusted CA", Reasons.tls(pkix));
        SSLHandshakeException expired = new SSLHandshakeException("validity check failed");
        expired.initCause(new CertificateExpiredException("NotAfter: Mon Jan 01 2024"));
        assertEquals("the server's certificate has expired", Reasons.tls(expired));
        assertEquals(
                "the server's certificate does not name this host",
                Reasons.tls(
                        new SSLHandshakeException(
                                "No subject alternative names matching IP address 10.0.0.1")));
        String other =
                Reasons.tls(
                        new SSLHandshakeException(
                                "sun.security.ssl.SSLHandshakeException: Received fatal alert:"
                                        + " internal_error"));
        assertFalse(other.contains("sun.security"), other);
    }

    @Test
    void otherFailuresAreNeverEmptyOrClassNames() {
        assertEquals(
                "the server closed the connection in the middle of an answer",
                Reasons.connection(new EOFException()));
        assertEquals("no reason given", Reasons.plain(new RuntimeException()));
        assertEquals(
                "Input length = 1",
                Reasons.plain(
                        new RuntimeException(
                                "java.nio.charset.MalformedInputException: Input length = 1")));
    }
}
