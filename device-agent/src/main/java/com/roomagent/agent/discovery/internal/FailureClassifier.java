package com.roomagent.agent.discovery.internal;

import com.roomagent.protocol.discovery.ProbeFailure;
import com.roomagent.protocol.framing.FramingException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns the I/O error that ended a probe into a {@link ProbeFailure} and a one-line detail for a
 * network administrator: what failed, against which address, never a stack trace.
 */
public final class FailureClassifier {
    private FailureClassifier() {}

    /** A failure reason and its detail. */
    public record Failure(ProbeFailure failure, String detail) {}

    /**
     * Classifies {@code error}, raised while doing {@code step} (for example {@code "connect"},
     * {@code "TLS handshake"}) against {@code target} ({@code host:port}).
     */
    public static Failure classify(IOException error, String target, String step) {
        // Order matters: several of these are subclasses of others (all are IOExceptions,
        // PortUnreachableException and NoRouteToHostException are SocketExceptions).
        if (error instanceof SocketTimeoutException) {
            return new Failure(ProbeFailure.TIMEOUT, step + " to " + target + " timed out");
        }
        if (error instanceof PortUnreachableException) {
            return new Failure(ProbeFailure.REFUSED, "port unreachable (ICMP) from " + target);
        }
        if (error instanceof NoRouteToHostException) {
            return new Failure(ProbeFailure.NO_ROUTE, "no route to " + target);
        }
        if (error instanceof UnknownHostException) {
            return new Failure(ProbeFailure.UNRESOLVED, "host name " + hostOf(target) + " did not resolve");
        }
        if (error instanceof SSLException) {
            return new Failure(ProbeFailure.TLS_FAILURE, describeTls(error, target));
        }
        if (error instanceof FramingException) {
            return new Failure(ProbeFailure.BAD_RESPONSE, "broken framing from " + target + ": " + message(error));
        }
        if (error instanceof EOFException) {
            return new Failure(ProbeFailure.IO_ERROR, "connection closed by " + target + " during " + step);
        }
        String text = message(error).toLowerCase(Locale.ROOT);
        if (text.contains("network is unreachable") || text.contains("no route")) {
            return new Failure(ProbeFailure.NO_ROUTE, "network unreachable for " + target);
        }
        if (text.contains("timed out")) {
            return new Failure(ProbeFailure.TIMEOUT, step + " to " + target + " timed out");
        }
        if (error instanceof ConnectException || text.contains("connection refused")) {
            return new Failure(ProbeFailure.REFUSED, "connection refused by " + target);
        }
        if (text.contains("connection reset")) {
            return new Failure(ProbeFailure.IO_ERROR, "connection reset by " + target + " during " + step);
        }
        return new Failure(
                ProbeFailure.IO_ERROR,
                step + " with " + target + " failed: " + error.getClass().getSimpleName() + ": " + message(error));
    }

    /**
     * The reason of a TLS failure, from the innermost certificate problem when there is one: "not
     * trusted", "does not match the host", "expired", or the handshake alert.
     */
    static String describeTls(IOException error, String target) {
        Throwable root = error;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            root = cause;
            if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException) {
                return "certificate of " + target + " is outside its validity period: " + message(cause);
            }
        }
        String rootText = message(root);
        String lower = (message(error) + " " + rootText).toLowerCase(Locale.ROOT);
        if (lower.contains("subject alternative name") || lower.contains("no name matching")) {
            return "certificate of " + target + " does not name " + hostOf(target) + ": " + rootText;
        }
        if (root instanceof CertPathValidatorException
                || lower.contains("certification path")
                || lower.contains("pkix")) {
            return "certificate of " + target + " not trusted: " + rootText;
        }
        return "TLS handshake with " + target + " failed: " + message(error);
    }

    private static String hostOf(String target) {
        int colon = target.lastIndexOf(':');
        String host = colon > 0 ? target.substring(0, colon) : target;
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The message on one line, or the class name when there is none. */
    static String message(Throwable error) {
        String text = error.getMessage();
        if (text == null || text.isBlank()) {
            return error.getClass().getSimpleName();
        }
        int newline = text.indexOf('\n');
        return newline >= 0 ? text.substring(0, newline).strip() : text.strip();
    }
}
