package com.roomagent.emulator.signaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.emulator.config.ConfigValidator;
import com.roomagent.emulator.provisioning.AdminMessages;
import com.roomagent.emulator.provisioning.Provisioning;
import com.roomagent.emulator.provisioning.ProvisioningException;
import com.roomagent.protocol.activation.ActivationRequest;
import com.roomagent.protocol.activation.ActivationResponse;
import com.roomagent.protocol.activation.CloudError;
import com.roomagent.protocol.activation.IssuedCode;
import com.roomagent.protocol.activation.PairingRequest;
import com.roomagent.protocol.activation.PairingSession;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provisioning endpoints (docs/cloud-emulator.md, "Provisioning"): the HTTP adapter of {@link
 * Provisioning}. Every refusal is a {@link CloudError} body; the status follows from its error id.
 * Stateless, so any request thread may run it.
 */
final class ProvisioningRoutes {
    /** Larger bodies are refused with 413: a request with a P-256 CSR is under 2 KiB. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    static final String INTERNAL_ERROR = "internal-error";
    static final String NOT_FOUND = "not-found";

    private static final int HTTP_TOO_MANY_REQUESTS = 429;
    private static final Pattern PAIRING = Pattern.compile("/v1/pairings/([A-Za-z0-9_-]{1,64})");
    private static final Pattern APPROVE = Pattern.compile("/v1/admin/pairings/([A-Za-z0-9-]{1,32})/approve");
    private static final Pattern PAIR_PAGE = Pattern.compile("/pair/([A-Za-z0-9-]{1,32})");

    private final ObjectMapper mapper;
    private final Provisioning provisioning;

    ProvisioningRoutes(ObjectMapper mapper, Provisioning provisioning) {
        this.mapper = mapper;
        this.provisioning = provisioning;
    }

    /** Whether {@code path} is one of these endpoints, whose refusals are {@link CloudError}s. */
    static boolean handles(String path) {
        return path.equals("/v1/activations")
                || path.equals("/v1/pairings")
                || path.startsWith("/v1/pairings/")
                || path.equals("/v1/admin")
                || path.startsWith("/v1/admin/")
                || path.startsWith("/pair/");
    }

    /** The status of a refusal with {@code errorId}. */
    static int statusOf(String errorId) {
        return switch (errorId) {
            case CloudError.UNKNOWN_CODE, CloudError.UNKNOWN_PAIRING, NOT_FOUND -> HttpURLConnection.HTTP_NOT_FOUND;
            case CloudError.CODE_USED -> HttpURLConnection.HTTP_CONFLICT;
            case CloudError.CODE_EXPIRED, CloudError.PAIRING_EXPIRED -> HttpURLConnection.HTTP_GONE;
            case CloudError.RATE_LIMITED -> HTTP_TOO_MANY_REQUESTS;
            case CloudError.UNAUTHORIZED -> HttpURLConnection.HTTP_UNAUTHORIZED;
            case INTERNAL_ERROR -> HttpURLConnection.HTTP_INTERNAL_ERROR;
            default -> HttpURLConnection.HTTP_BAD_REQUEST;
        };
    }

    /** Answers one request to a path {@link #handles} accepts; returns the status sent. */
    int route(HttpExchange exchange, String method, String path) throws IOException, HttpError {
        try {
            return dispatch(exchange, method, path);
        } catch (ProvisioningException e) {
            throw new HttpError(statusOf(e.error().error()), e.error(), e);
        } catch (HttpError e) {
            if (e.cloudError().isPresent()) {
                throw e;
            }
            String id = e.status() == HttpURLConnection.HTTP_NOT_FOUND ? NOT_FOUND : CloudError.BAD_REQUEST;
            throw new HttpError(e.status(), new CloudError(id, e.getMessage(), null), e);
        }
    }

    private int dispatch(HttpExchange exchange, String method, String path)
            throws IOException, HttpError, ProvisioningException {
        if (path.equals("/v1/activations")) {
            requireMethod(exchange, method, "POST");
            provisioning.admit(clientOf(exchange));
            ActivationRequest request = read(exchange, ActivationRequest.class);
            return sendJson(exchange, HttpURLConnection.HTTP_OK, provisioning.activate(request));
        }
        if (path.equals("/v1/pairings")) {
            requireMethod(exchange, method, "POST");
            provisioning.admit(clientOf(exchange));
            PairingRequest request = read(exchange, PairingRequest.class);
            return sendJson(exchange, HttpURLConnection.HTTP_CREATED, provisioning.startPairing(request));
        }
        Matcher pairing = PAIRING.matcher(path);
        if (pairing.matches()) {
            requireMethod(exchange, method, "GET");
            Optional<ActivationResponse> result = provisioning.pairingResult(pairing.group(1));
            return result.isPresent()
                    ? sendJson(exchange, HttpURLConnection.HTTP_OK, result.get())
                    : sendJson(exchange, HttpURLConnection.HTTP_ACCEPTED, Map.of("status", "pending"));
        }
        if (path.equals("/v1/admin") || path.startsWith("/v1/admin/")) {
            authorize(exchange);
            return admin(exchange, method, path);
        }
        Matcher page = PAIR_PAGE.matcher(path);
        if (page.matches()) {
            requireMethod(exchange, method, "GET");
            return pairPage(exchange, page.group(1));
        }
        throw new ProvisioningException(new CloudError(NOT_FOUND, "no such endpoint: " + method + " " + path, null));
    }

    private int admin(HttpExchange exchange, String method, String path)
            throws IOException, HttpError, ProvisioningException {
        if (path.equals("/v1/admin/activation-codes")) {
            requireMethod(exchange, method, "POST");
            AdminMessages.IssueCodeRequest request = readOptional(exchange, AdminMessages.IssueCodeRequest.class)
                    .orElse(new AdminMessages.IssueCodeRequest(null, null));
            String organization = organizationOf(request.organizationId());
            Duration validFor = request.validForSeconds() == null
                    ? Provisioning.DEFAULT_CODE_VALIDITY
                    : Duration.ofSeconds(request.validForSeconds());
            if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(Provisioning.MAX_CODE_VALIDITY) > 0) {
                throw badRequest("validForSeconds is " + request.validForSeconds() + "; use 1 to "
                        + Provisioning.MAX_CODE_VALIDITY.toSeconds() + " seconds");
            }
            IssuedCode issued = provisioning.issueCode(organization, validFor);
            return sendJson(exchange, HttpURLConnection.HTTP_CREATED, issued);
        }
        if (path.equals("/v1/admin/devices")) {
            requireMethod(exchange, method, "GET");
            return sendJson(
                    exchange, HttpURLConnection.HTTP_OK, new AdminMessages.DeviceList(provisioning.activatedDevices()));
        }
        Matcher approve = APPROVE.matcher(path);
        if (approve.matches()) {
            requireMethod(exchange, method, "POST");
            Optional<AdminMessages.ApprovePairingRequest> request =
                    readOptional(exchange, AdminMessages.ApprovePairingRequest.class);
            String organization = organizationOf(request.map(AdminMessages.ApprovePairingRequest::organizationId)
                    .orElse(null));
            return sendJson(
                    exchange,
                    HttpURLConnection.HTTP_OK,
                    provisioning.approvePairing(approve.group(1), Optional.of(organization)));
        }
        throw new ProvisioningException(new CloudError(NOT_FOUND, "no such endpoint: " + method + " " + path, null));
    }

    private int pairPage(HttpExchange exchange, String shortCode) throws IOException {
        Optional<PairingSession> pending = provisioning.pendingPairing(shortCode);
        if (pending.isEmpty()) {
            Exchanges.sendHtml(
                    exchange,
                    HttpURLConnection.HTTP_NOT_FOUND,
                    page(
                            "No device is waiting with code " + shortCode,
                            "The code may have expired: start pairing"
                                    + " on the device again and scan the new QR code."));
            return HttpURLConnection.HTTP_NOT_FOUND;
        }
        String code = pending.get().shortCode();
        Exchanges.sendHtml(
                exchange,
                HttpURLConnection.HTTP_OK,
                page(
                        "Ask your administrator to approve device " + code,
                        "Pairing code <strong>" + code + "</strong>, valid until "
                                + pending.get().expiresAt()
                                + ".<br>Administrators of this emulator run: <code>bin/cloud-emulator approve " + code
                                + "</code>"));
        return HttpURLConnection.HTTP_OK;
    }

    /** A minimal page; every value placed in it matched a pattern of letters, digits and dashes. */
    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title></head>\n<body><h1>" + title + "</h1>\n<p>" + body
                + "</p></body></html>\n";
    }

    private void authorize(HttpExchange exchange) throws HttpError {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (!provisioning.adminToken().authorizes(header)) {
            // RFC 6750 section 3: a 401 names the scheme the client must use.
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"cloud-emulator\"");
            throw new HttpError(
                    HttpURLConnection.HTTP_UNAUTHORIZED,
                    new CloudError(
                            CloudError.UNAUTHORIZED,
                            (header == null ? "no Authorization header" : "the bearer token is not the admin token")
                                    + "; send Authorization: Bearer <the content of admin-token in the emulator's"
                                    + " state directory>",
                            null),
                    null);
        }
    }

    private String organizationOf(String requested) throws HttpError {
        if (requested == null) {
            return provisioning.defaultOrganizationId();
        }
        if (!ConfigValidator.ORGANIZATION_ID.matcher(requested).matches()) {
            throw badRequest("organizationId must be 1 to 64 letters, digits or ._~-");
        }
        return requested;
    }

    private <T> T read(HttpExchange exchange, Class<T> type) throws IOException, HttpError {
        byte[] body = Exchanges.readBody(exchange, MAX_BODY_BYTES);
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw badRequest("the body is null; send a JSON " + type.getSimpleName());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw badRequest(
                    "the body is not a valid " + type.getSimpleName() + ": " + firstLine(e.getOriginalMessage()));
        }
    }

    /** Reads an optional body: empty when the request has none. */
    private <T> Optional<T> readOptional(HttpExchange exchange, Class<T> type) throws IOException, HttpError {
        byte[] body = Exchanges.readBody(exchange, MAX_BODY_BYTES);
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(mapper.readValue(body, type));
        } catch (JsonProcessingException e) {
            throw badRequest(
                    "the body is not a valid " + type.getSimpleName() + ": " + firstLine(e.getOriginalMessage()));
        }
    }

    private int sendJson(HttpExchange exchange, int status, Object value) throws IOException {
        Exchanges.sendJson(exchange, status, Exchanges.json(mapper, value));
        return status;
    }

    private static void requireMethod(HttpExchange exchange, String method, String allowed) throws HttpError {
        if (!method.equals(allowed)) {
            exchange.getResponseHeaders().set("Allow", allowed);
            throw new HttpError(
                    HttpURLConnection.HTTP_BAD_METHOD,
                    new CloudError(CloudError.BAD_REQUEST, method + " is not allowed here; use " + allowed, null),
                    null);
        }
    }

    private static String clientOf(HttpExchange exchange) {
        InetSocketAddress remote = exchange.getRemoteAddress();
        return remote.getAddress() == null
                ? remote.getHostString()
                : remote.getAddress().getHostAddress();
    }

    private static HttpError badRequest(String message) {
        return new HttpError(
                HttpURLConnection.HTTP_BAD_REQUEST, new CloudError(CloudError.BAD_REQUEST, message, null), null);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
