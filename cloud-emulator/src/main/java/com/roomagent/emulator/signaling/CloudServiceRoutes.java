package com.roomagent.emulator.signaling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.emulator.logging.LogFormat;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame shared by the upgrade and metrics services, each mounted under its own base path: strips
 * the base path, turns {@link HttpError} into a JSON error, logs one line per request, and reads
 * the device's client certificate from the TLS session when it sent one.
 */
abstract class CloudServiceRoutes implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(CloudServiceRoutes.class);

    final ObjectMapper mapper;
    private final String service;
    private final String basePath;

    CloudServiceRoutes(ObjectMapper mapper, String service, String basePath) {
        this.mapper = mapper;
        this.service = service;
        this.basePath = basePath;
    }

    /** Answers one request; {@code path} is relative to the base path, for example {@code /v1/manifest}. */
    abstract int route(HttpExchange exchange, String method, String path) throws IOException, HttpError;

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        long startNanos = System.nanoTime();
        String method = exchange.getRequestMethod();
        String fullPath = exchange.getRequestURI().getRawPath();
        String path = fullPath.startsWith(basePath) ? fullPath.substring(basePath.length()) : fullPath;
        int status;
        try {
            status = route(exchange, method, path);
        } catch (HttpError e) {
            status = e.status();
            log.debug(
                    "http.refused service={} method={} path={} status={} reason=\"{}\"",
                    service,
                    method,
                    fullPath,
                    status,
                    e.getMessage());
            Exchanges.sendError(exchange, mapper, status, e.getMessage());
        } catch (IOException | RuntimeException e) {
            // The catch-all of the handler thread: one request fails, the server stays up.
            status = HttpURLConnection.HTTP_INTERNAL_ERROR;
            log.warn("http.failed service={} method={} path={} error={}", service, method, fullPath, e.toString(), e);
            try {
                Exchanges.sendError(
                        exchange,
                        mapper,
                        status,
                        "internal error: " + e.getClass().getSimpleName());
            } catch (IOException | RuntimeException ignored) {
                // The response may have been half-sent; the exchange is closed below either way.
            }
        } finally {
            exchange.close();
        }
        log.info(
                "http.request service={} method={} path={} status={} millis={} remote={}",
                service,
                method,
                fullPath,
                status,
                (System.nanoTime() - startNanos) / 1_000_000,
                LogFormat.address(exchange.getRemoteAddress()));
    }

    /** The verified client certificate of the TLS session, when the device sent one. */
    static Optional<X509Certificate> clientCertificate(HttpExchange exchange) {
        if (!(exchange instanceof HttpsExchange https) || https.getSSLSession() == null) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = https.getSSLSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? Optional.of(leaf) : Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    /** The subject CN of {@code certificate}: the device id in a device certificate. */
    static Optional<String> commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return Optional.of(String.valueOf(rdn.getValue()));
                }
            }
            return Optional.empty();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }

    static void requireMethod(HttpExchange exchange, String method, String allowed) throws HttpError {
        if (!method.equals(allowed)) {
            exchange.getResponseHeaders().set("Allow", allowed);
            throw new HttpError(HttpURLConnection.HTTP_BAD_METHOD, method + " is not allowed here; use " + allowed);
        }
    }
}
