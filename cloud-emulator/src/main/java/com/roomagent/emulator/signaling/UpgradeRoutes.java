package com.roomagent.emulator.signaling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.emulator.provisioning.AdminToken;
import com.roomagent.emulator.upgrade.UpgradeRepository;
import com.roomagent.protocol.upgrade.UpgradeManifest;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The upgrade service (docs/cloud-emulator.md, "Software upgrades"), under the organization's
 * upgrade URL: {@code GET /v1/manifest}, {@code GET /v1/manifest.sig}, {@code GET
 * /v1/images/{version}.img}, and for the administrator {@code PUT /v1/admin/images/{version}} (the
 * image as the body, bearer admin token), which publishes and signs it.
 */
final class UpgradeRoutes extends CloudServiceRoutes {
    /** Published images larger than this are refused with 413. */
    static final int MAX_IMAGE_BYTES = 256 * 1024 * 1024;

    private static final Pattern IMAGE = Pattern.compile("/v1/images/([0-9A-Za-z.+-]{1,64})\\.img");
    private static final Pattern ADMIN_IMAGE = Pattern.compile("/v1/admin/images/([^/]+)");

    private final UpgradeRepository repository;
    private final AdminToken adminToken;

    UpgradeRoutes(ObjectMapper mapper, String basePath, UpgradeRepository repository, AdminToken adminToken) {
        super(mapper, "upgrade", basePath);
        this.repository = repository;
        this.adminToken = adminToken;
    }

    @Override
    int route(HttpExchange exchange, String method, String path) throws IOException, HttpError {
        if (path.equals("/v1/manifest")) {
            requireMethod(exchange, method, "GET");
            UpgradeRepository.Published published = published();
            Exchanges.sendJson(exchange, 200, published.manifestBytes());
            return 200;
        }
        if (path.equals("/v1/manifest.sig")) {
            requireMethod(exchange, method, "GET");
            UpgradeRepository.Published published = published();
            if (published.signature().isEmpty()) {
                throw new HttpError(HttpURLConnection.HTTP_NOT_FOUND, "the published manifest has no signature");
            }
            Exchanges.sendJson(
                    exchange,
                    200,
                    Exchanges.json(mapper, published.signatureBody().orElseThrow()));
            return 200;
        }
        Matcher image = IMAGE.matcher(path);
        if (image.matches()) {
            requireMethod(exchange, method, "GET");
            UpgradeRepository.Published published = published();
            if (!published.manifest().version().equals(image.group(1))) {
                throw new HttpError(HttpURLConnection.HTTP_NOT_FOUND, "no image of version " + image.group(1));
            }
            byte[] bytes = published.image();
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            return 200;
        }
        Matcher admin = ADMIN_IMAGE.matcher(path);
        if (admin.matches()) {
            requireMethod(exchange, method, "PUT");
            if (!adminToken.authorizes(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"cloud-emulator\"");
                throw new HttpError(
                        HttpURLConnection.HTTP_UNAUTHORIZED,
                        "publishing needs Authorization: Bearer <the content of admin-token in the emulator's"
                                + " state directory>");
            }
            byte[] body = Exchanges.readBody(exchange, MAX_IMAGE_BYTES);
            // The version as sent, percent-decoding undone (a '+' of build metadata travels as %2B).
            String version = URLDecoder.decode(admin.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
            UpgradeManifest manifest;
            try {
                manifest = repository.publish(version, body);
            } catch (IllegalArgumentException e) {
                throw new HttpError(HttpURLConnection.HTTP_BAD_REQUEST, e.getMessage(), e);
            }
            Exchanges.sendJson(exchange, HttpURLConnection.HTTP_CREATED, Exchanges.json(mapper, manifest));
            return HttpURLConnection.HTTP_CREATED;
        }
        throw new HttpError(HttpURLConnection.HTTP_NOT_FOUND, "no such upgrade endpoint: " + method + " " + path);
    }

    private UpgradeRepository.Published published() throws HttpError {
        return repository
                .published()
                .orElseThrow(() -> new HttpError(
                        HttpURLConnection.HTTP_NOT_FOUND,
                        "no upgrade is published; publish one with cloud-emulator publish-upgrade"));
    }
}
