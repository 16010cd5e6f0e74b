package io.rackscope.desktop.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * TLS for an {@link Endpoint}: a private CA ({@code tls_ca_file}), a client certificate ({@code
 * tls_cert_file} + {@code tls_key_file}, PEM; the key PKCS#8 or PKCS#1 RSA), or no verification at
 * all for a lab ({@code tls_verify: false}). Every problem is a {@link TlsSetupException} worded
 * for an operator, naming the setting and the file.
 */
public final class Tls {
    private static final Pattern PEM =
            Pattern.compile(
                    "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

    private Tls() {}

    /** A TLS setting that cannot be used: which one, and why. */
    public static final class TlsSetupException extends IllegalArgumentException {
        public TlsSetupException(String message) {
            super(message);
        }
    }

    public static void configure(OkHttpClient.Builder builder, Endpoint e) {
        if (e.tlsVerify() && e.caFile() == null && e.certFile() == null) {
            return;
        }
        validate(e);
        try {
            X509TrustManager trust = e.tlsVerify() ? trustFor(e) : trustEverything();
            if (!e.tlsVerify()) {
                builder.hostnameVerifier((host, session) -> true);
            }
            KeyManager[] keys = e.certFile() == null ? null : keysFor(e);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys, new TrustManager[] {trust}, null);
            builder.sslSocketFactory(ctx.getSocketFactory(), trust);
        } catch (GeneralSecurityException | IOException ex) {
            throw new TlsSetupException(
                    e.settingPrefix() + " TLS settings cannot be used: " + plain(ex));
        }
    }

    /**
     * Checks the TLS files of {@code e} without opening a connection: each names a readable PEM
     * file of the right kind, and a certificate comes with its key. Throws the first problem.
     */
    public static void validate(Endpoint e) {
        String p = e.settingPrefix();
        if (e.caFile() != null) {
            certificates(e.caFile(), p + ".tls_ca_file");
        }
        if ((e.certFile() == null) != (e.keyFile() == null)) {
            throw new TlsSetupException(
                    p
                            + ".tls_cert_file and "
                            + p
                            + ".tls_key_file go together: a client certificate needs its key");
        }
        if (e.certFile() != null) {
            certificates(e.certFile(), p + ".tls_cert_file");
            privateKey(e.keyFile(), p + ".tls_key_file");
        }
    }

    private static X509TrustManager trustFor(Endpoint e)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        if (e.caFile() == null) {
            TrustManagerFactory tmf =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            return (X509TrustManager) tmf.getTrustManagers()[0];
        }
        int i = 0;
        for (Certificate c : certificates(e.caFile(), e.settingPrefix() + ".tls_ca_file")) {
            store.setCertificateEntry("ca" + i++, c);
        }
        TrustManagerFactory tmf =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return (X509TrustManager) tmf.getTrustManagers()[0];
    }

    private static KeyManager[] keysFor(Endpoint e) throws GeneralSecurityException, IOException {
        List<Certificate> chain = certificates(e.certFile(), e.settingPrefix() + ".tls_cert_file");
        PrivateKey key = privateKey(e.keyFile(), e.settingPrefix() + ".tls_key_file");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] none = new char[0];
        store.setKeyEntry("client", key, none, chain.toArray(new Certificate[0]));
        KeyManagerFactory kmf =
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, none);
        return kmf.getKeyManagers();
    }

    private static X509TrustManager trustEverything() {
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
    }

    private static String read(Path file, String setting) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException ex) {
            throw new TlsSetupException(
                    setting
                            + " names "
                            + file
                            + ", which "
                            + (Files.exists(file) ? "cannot be read" : "does not exist"));
        }
    }

    private static List<Certificate> certificates(Path file, String setting) {
        String text = read(file, setting);
        List<Certificate> out = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (m.find()) {
                if (m.group(1).equals("CERTIFICATE")) {
                    Collection<? extends Certificate> certs =
                            factory.generateCertificates(
                                    new ByteArrayInputStream(decode(m.group(2))));
                    out.addAll(certs);
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new TlsSetupException(
                    setting + " names " + file + ", whose certificate cannot be read");
        }
        if (out.isEmpty()) {
            throw new TlsSetupException(
                    setting
                            + " names "
                            + file
                            + ", which holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return out;
    }

    private static PrivateKey privateKey(Path file, String setting) {
        Matcher m = PEM.matcher(read(file, setting));
        while (m.find()) {
            String kind = m.group(1);
            byte[] der;
            try {
                der = decode(m.group(2));
            } catch (IllegalArgumentException ex) {
                break;
            }
            if (kind.equals("PRIVATE KEY") || kind.equals("RSA PRIVATE KEY")) {
                byte[] pkcs8 = kind.equals("RSA PRIVATE KEY") ? wrapPkcs1(der) : der;
                for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
                    try {
                        return KeyFactory.getInstance(algorithm)
                                .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                    } catch (GeneralSecurityException tryNext) {
                        // the PEM does not say the algorithm; the next one may fit
                    }
                }
            }
            if (kind.contains("ENCRYPTED")) {
                throw new TlsSetupException(
                        setting
                                + " names "
                                + file
                                + ", an encrypted key; give an unencrypted PKCS#8 key (openssl pkcs8"
                                + " -topk8 -nocrypt)");
            }
        }
        throw new TlsSetupException(
                setting
                        + " names "
                        + file
                        + ", which holds no usable PEM private key (PKCS#8 'BEGIN PRIVATE KEY' or"
                        + " RSA 'BEGIN RSA PRIVATE KEY')");
    }

    private static byte[] decode(String base64) {
        return Base64.getMimeDecoder().decode(base64);
    }

    /** A PKCS#1 RSA key inside the PKCS#8 structure Java reads. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        byte[] algorithm = {
            0x30,
            0x0d,
            0x06,
            0x09,
            0x2a,
            (byte) 0x86,
            0x48,
            (byte) 0x86,
            (byte) 0xf7,
            0x0d,
            0x01,
            0x01,
            0x01,
            0x05,
            0x00
        };
        byte[] octets = der(0x04, pkcs1);
        byte[] version = {0x02, 0x01, 0x00};
        byte[] body = new byte[version.length + algorithm.length + octets.length];
        System.arraycopy(version, 0, body, 0, version.length);
        System.arraycopy(algorithm, 0, body, version.length, algorithm.length);
        System.arraycopy(octets, 0, body, version.length + algorithm.length, octets.length);
        return der(0x30, body);
    }

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] length;
        if (n < 0x80) {
            length = new byte[] {(byte) n};
        } else if (n < 0x100) {
            length = new byte[] {(byte) 0x81, (byte) n};
        } else if (n < 0x10000) {
            length = new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        } else {
            length = new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        }
        byte[] out = new byte[1 + length.length + n];
        out[0] = (byte) tag;
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(content, 0, out, 1 + length.length, n);
        return out;
    }

    /** An exception's message without Java class names. */
    static String plain(Exception ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? "the TLS settings were refused" : m;
    }
}
