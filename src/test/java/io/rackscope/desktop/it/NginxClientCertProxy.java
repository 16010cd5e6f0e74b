package io.rackscope.desktop.it;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx on a free loopback port serving HTTPS with a certificate of its own private CA,
 * requiring a client certificate signed by that CA, in front of {@code upstream} (a real
 * Prometheus). The CA, the server's and a client's certificate and key are written by openssl into
 * the server's own directory.
 */
final class NginxClientCertProxy implements AutoCloseable {
    final Path dir;
    final int port;
    private final Process process;

    private NginxClientCertProxy(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    Path ca() {
        return dir.resolve("ca.pem");
    }

    Path clientCert() {
        return dir.resolve("client.pem");
    }

    Path clientKey() {
        return dir.resolve("client.key");
    }

    String url() {
        return "https://127.0.0.1:" + port;
    }

    static NginxClientCertProxy start(String upstream) throws Exception {
        return start(
                upstream,
                dir -> "ssl_client_certificate " + dir + "/ca.pem;\n    ssl_verify_client on;");
    }

    /**
     * The same HTTPS proxy asking basic authentication ({@code user}, {@code password}) instead of
     * a client certificate.
     */
    static NginxClientCertProxy startWithBasicAuth(String upstream, String user, String password)
            throws Exception {
        return start(
                upstream,
                dir -> {
                    try {
                        String hash = openssl(dir, "passwd", "-apr1", password).strip();
                        Files.writeString(dir.resolve("htpasswd"), user + ":" + hash + "\n");
                        // nginx's workers read it per request, as another user when run as root
                        Files.setPosixFilePermissions(
                                dir,
                                java.nio.file.attribute.PosixFilePermissions.fromString(
                                        "rwxr-xr-x"));
                        Files.setPosixFilePermissions(
                                dir.resolve("htpasswd"),
                                java.nio.file.attribute.PosixFilePermissions.fromString(
                                        "rw-r--r--"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return "auth_basic \"prometheus\";\n    auth_basic_user_file "
                            + dir
                            + "/htpasswd;";
                });
    }

    /**
     * The same HTTPS proxy standing for a multi-tenant store (Mimir, Cortex): a query without the
     * header {@code X-Scope-OrgID: tenant} gets their 401 "no org id".
     */
    static NginxClientCertProxy startWithTenant(String upstream, String tenant) throws Exception {
        return start(
                upstream,
                dir ->
                        "if ($http_x_scope_orgid != \""
                                + tenant
                                + "\") { return 401 \"no org id\\n\"; }");
    }

    private static NginxClientCertProxy start(
            String upstream, java.util.function.Function<Path, String> access) throws Exception {
        PrometheusServer.requireBinary("nginx");
        PrometheusServer.requireBinary("openssl");
        Path dir = Files.createTempDirectory("rackscope-nginx");
        openssl(
                dir,
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=rackscope test CA",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem");
        signed(dir, "server", "/CN=127.0.0.1", "subjectAltName=IP:127.0.0.1,DNS:localhost");
        signed(dir, "client", "/CN=rackscope desk", "extendedKeyUsage=clientAuth");
        int port = PrometheusServer.freePort();
        Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(
                dir.resolve("nginx.conf"),
                """
                worker_processes 1;
                error_log %1$s/error.log;
                pid %1$s/nginx.pid;
                events { worker_connections 64; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/tmp;
                  proxy_temp_path %1$s/tmp;
                  fastcgi_temp_path %1$s/tmp;
                  uwsgi_temp_path %1$s/tmp;
                  scgi_temp_path %1$s/tmp;
                  server {
                    listen 127.0.0.1:%2$d ssl;
                    ssl_certificate %1$s/server.pem;
                    ssl_certificate_key %1$s/server.key;
                    %4$s
                    location / { proxy_pass %3$s; }
                  }
                }
                """
                        .formatted(dir, port, upstream, access.apply(dir)));
        Process p =
                new ProcessBuilder(
                                PrometheusServer.binary("nginx").toString(),
                                "-e",
                                dir.resolve("error.log").toString(),
                                "-p",
                                dir.toString(),
                                "-c",
                                dir.resolve("nginx.conf").toString(),
                                "-g",
                                "daemon off;")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("nginx.out").toFile())
                        .start();
        NginxClientCertProxy proxy = new NginxClientCertProxy(dir, port, p);
        PrometheusServer.waitFor(
                () -> {
                    try (Socket s = new Socket("127.0.0.1", port)) {
                        return true;
                    } catch (IOException e) {
                        return !p.isAlive();
                    }
                },
                Duration.ofSeconds(20),
                "nginx listening");
        if (!p.isAlive()) {
            throw new IllegalStateException(
                    "nginx did not start: " + Files.readString(dir.resolve("nginx.out")));
        }
        return proxy;
    }

    /** A key and a certificate for {@code name}, signed by the CA. */
    private static void signed(Path dir, String name, String subject, String extension)
            throws Exception {
        openssl(
                dir,
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                subject,
                "-keyout",
                name + ".key",
                "-out",
                name + ".csr");
        Files.writeString(dir.resolve(name + ".ext"), extension + "\n");
        openssl(
                dir,
                "x509",
                "-req",
                "-in",
                name + ".csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-days",
                "2",
                "-extfile",
                name + ".ext",
                "-out",
                name + ".pem");
    }

    private static String openssl(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(PrometheusServer.binary("openssl").toString());
        cmd.addAll(List.of(args));
        Process p =
                new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + ": " + out);
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
