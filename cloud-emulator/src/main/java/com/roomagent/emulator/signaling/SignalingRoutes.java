package com.roomagent.emulator.signaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.emulator.logging.LogFormat;
import com.roomagent.protocol.activation.CloudError;
import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.NodeList;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signaling API (docs/cloud-emulator.md, "HTTP API"): routes each request, answers it, and logs
 * one line for it. Provisioning paths go to {@link ProvisioningRoutes}. Stateless apart from the
 * report store and provisioning (both thread-safe), so any executor thread may run it.
 */
final class SignalingRoutes implements HttpHandler {
    /** Discovery reports larger than this are refused with 413: a real report is a few kilobytes. */
    static final int MAX_REPORT_BYTES = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(SignalingRoutes.class);
    // Device ids travel unescaped in paths: unreserved characters (RFC 3986 section 2.3) and ':'.
    private static final String DEVICE_ID = "([A-Za-z0-9._~:-]{1,128})";
    private static final Pattern REPORTS = Pattern.compile("/v1/devices/" + DEVICE_ID + "/discovery-reports");
    private static final Pattern LATEST_REPORT =
            Pattern.compile("/v1/devices/" + DEVICE_ID + "/discovery-reports/latest");
    private static final Pattern VALID_DEVICE_ID = Pattern.compile(DEVICE_ID);
    private static final Pattern ANY_DEVICE_PATH = Pattern.compile("/v1/devices/([^/]*)(/.*)?");

    private final ObjectMapper mapper;
    private final byte[] nodeListJson;
    private final DiscoveryReportStore reports;
    private final ProvisioningRoutes provisioning;
    private final RegistrationRoutes registration;

    SignalingRoutes(
            ObjectMapper mapper,
            NodeList nodes,
            DiscoveryReportStore reports,
            ProvisioningRoutes provisioning,
            RegistrationRoutes registration)
            throws JsonProcessingException {
        this.mapper = mapper;
        this.nodeListJson = mapper.writeValueAsBytes(nodes);
        this.reports = reports;
        this.provisioning = provisioning;
        this.registration = registration;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long startNanos = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String device = deviceOf(path);
        int status;
        try {
            status = route(exchange, method, path);
        } catch (HttpError e) {
            status = e.status();
            log.debug("http.refused method={} path={} status={} reason=\"{}\"", method, path, status, e.getMessage());
            if (e.cloudError().isPresent()) {
                Exchanges.sendCloudError(
                        exchange, mapper, status, e.cloudError().get());
            } else {
                Exchanges.sendError(exchange, mapper, status, e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            // The catch-all of the handler thread: one request fails, the server stays up.
            status = HttpURLConnection.HTTP_INTERNAL_ERROR;
            log.warn("http.failed method={} path={} error={}", method, path, e.toString(), e);
            try {
                String message = "internal error: " + e.getClass().getSimpleName();
                if (ProvisioningRoutes.handles(path)) {
                    Exchanges.sendCloudError(
                            exchange, mapper, status, new CloudError(ProvisioningRoutes.INTERNAL_ERROR, message, null));
                } else {
                    Exchanges.sendError(exchange, mapper, status, message);
                }
            } catch (IOException | RuntimeException ignored) {
                // The response may have been half-sent; the exchange is closed below either way.
            }
        } finally {
            exchange.close();
        }
        log.info(
                "http.request method={} path={} status={} device={} millis={} remote={}",
                method,
                path,
                status,
                device,
                (System.nanoTime() - startNanos) / 1_000_000,
                LogFormat.address(exchange.getRemoteAddress()));
    }

    private int route(HttpExchange exchange, String method, String path) throws IOException, HttpError {
        Matcher push = RegistrationRoutes.PUSH.matcher(path);
        if (push.matches()) {
            requireMethod(exchange, method, "POST");
            return registration.push(exchange, mapper, push.group(1));
        }
        if (ProvisioningRoutes.handles(path)) {
            return provisioning.route(exchange, method, path);
        }
        if (path.equals(RegistrationRoutes.PATH)) {
            requireMethod(exchange, method, "POST");
            return registration.register(exchange, mapper);
        }
        if (path.equals("/v1/health")) {
            requireMethod(exchange, method, "GET");
            Exchanges.sendJson(exchange, 200, Exchanges.json(mapper, Map.of("status", "ok")));
            return 200;
        }
        if (path.equals("/v1/media-nodes")) {
            requireMethod(exchange, method, "GET");
            Exchanges.sendJson(exchange, 200, nodeListJson);
            return 200;
        }
        Matcher post = REPORTS.matcher(path);
        if (post.matches()) {
            requireMethod(exchange, method, "POST");
            reports.add(readReport(exchange, post.group(1)));
            Exchanges.sendEmpty(exchange, HttpURLConnection.HTTP_NO_CONTENT);
            return HttpURLConnection.HTTP_NO_CONTENT;
        }
        Matcher latest = LATEST_REPORT.matcher(path);
        if (latest.matches()) {
            requireMethod(exchange, method, "GET");
            Optional<DiscoveryReport> report = reports.latest(latest.group(1));
            if (report.isEmpty()) {
                throw new HttpError(
                        HttpURLConnection.HTTP_NOT_FOUND, "no discovery report from device " + latest.group(1));
            }
            Exchanges.sendJson(exchange, 200, Exchanges.json(mapper, report.get()));
            return 200;
        }
        Matcher devicePath = ANY_DEVICE_PATH.matcher(path);
        if (devicePath.matches()
                && !VALID_DEVICE_ID.matcher(devicePath.group(1)).matches()) {
            throw new HttpError(
                    HttpURLConnection.HTTP_BAD_REQUEST,
                    "invalid device id in " + path + "; device ids are 1 to 128 letters, digits or ._~:-");
        }
        throw new HttpError(HttpURLConnection.HTTP_NOT_FOUND, "no such endpoint: " + method + " " + path);
    }

    private DiscoveryReport readReport(HttpExchange exchange, String deviceId) throws IOException, HttpError {
        byte[] body = Exchanges.readBody(exchange, MAX_REPORT_BYTES);
        DiscoveryReport report;
        try {
            report = mapper.readValue(body, DiscoveryReport.class);
        } catch (JsonProcessingException e) {
            throw new HttpError(
                    HttpURLConnection.HTTP_BAD_REQUEST,
                    "malformed discovery report: " + firstLine(e.getOriginalMessage()),
                    e);
        }
        if (report == null) {
            throw new HttpError(HttpURLConnection.HTTP_BAD_REQUEST, "empty body; send a discovery report");
        }
        if (!report.deviceId().equals(deviceId)) {
            throw new HttpError(
                    HttpURLConnection.HTTP_BAD_REQUEST,
                    "deviceId in the body ('" + report.deviceId() + "') differs from the path ('" + deviceId + "')");
        }
        return report;
    }

    private static void requireMethod(HttpExchange exchange, String method, String allowed) throws HttpError {
        if (!method.equals(allowed)) {
            exchange.getResponseHeaders().set("Allow", allowed);
            throw new HttpError(HttpURLConnection.HTTP_BAD_METHOD, method + " is not allowed here; use " + allowed);
        }
    }

    private static String deviceOf(String path) {
        Matcher matcher = ANY_DEVICE_PATH.matcher(path);
        return matcher.matches() ? matcher.group(1) : "-";
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
