package com.roomagent.agent.cli;

import com.roomagent.agent.config.ConfigurationException;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.agent.provisioning.EnrollmentException.Failure;
import picocli.CommandLine.Model.CommandSpec;

/** The exit codes of {@code room-agent}, documented in docs/cli.md. */
final class ExitCodes {
    private ExitCodes() {}

    static final int OK = 0;
    /** The command ran and failed: the cloud is unreachable, a probe found nothing, and so on. */
    static final int FAILED = 1;
    /** The command line is wrong (picocli's own code for usage errors). */
    static final int USAGE = 2;
    /** The configuration is broken; the message names the file and the key. */
    static final int CONFIGURATION = 3;
    /** {@code run}: another agent answers on the control socket of this state directory. */
    static final int ANOTHER_AGENT = 5;
    /** {@code activate}: the code is wrong as typed (malformed, wrong check digit); nothing was sent. */
    static final int CODE_WRONG = 10;
    /** {@code activate}: the cloud refused the code (unknown, already used, expired). */
    static final int CODE_REFUSED = 11;
    /** {@code activate}: try again later (rate limited, the agent busy or still waiting for the cloud). */
    static final int TRY_LATER = 12;
    /**
     * {@code activate}: the cloud could not be reached (DNS, TCP, TLS, HTTP, or the HTTP proxy on the
     * way) or answered nonsense.
     */
    static final int CLOUD_UNREACHABLE = 13;
    /** {@code activate}: the cloud's certificate is not trusted, or the device's clock is far off. */
    static final int TRUST_OR_CLOCK = 14;
    /** {@code activate}, {@code status}: no agent answers on the control socket. */
    static final int AGENT_NOT_RUNNING = 15;
    /** {@code activate}, {@code status}, {@code factory-reset}: this user may not use the control socket. */
    static final int PERMISSION_DENIED = 16;
    /** {@code activate}: the device has an identity already; the code was not used. */
    static final int ALREADY_PROVISIONED = 17;

    static int configurationError(CommandSpec spec, ConfigurationException error) {
        spec.commandLine().getErr().println("room-agent: configuration error: " + error.getMessage());
        spec.commandLine().getErr().flush();
        return CONFIGURATION;
    }

    /** The exit code for a failed control answer's {@code error} identifier. */
    static int forError(String error) {
        if (error == null) {
            return FAILED;
        }
        switch (error) {
            case ControlResponse.ALREADY_PROVISIONED:
                return ALREADY_PROVISIONED;
            case ControlResponse.BUSY:
            case ControlResponse.STILL_WORKING:
                return TRY_LATER;
            default:
                break;
        }
        for (Failure failure : Failure.values()) {
            if (failure.id().equals(error)) {
                return forFailure(failure);
            }
        }
        return FAILED;
    }

    static int forFailure(Failure failure) {
        return switch (failure) {
            case MALFORMED_CODE, CHECK_DIGIT -> CODE_WRONG;
            case UNKNOWN_CODE, CODE_USED, CODE_EXPIRED -> CODE_REFUSED;
            case RATE_LIMITED -> TRY_LATER;
            case CLOUD_UNREACHABLE_DNS,
                    CLOUD_UNREACHABLE_TCP,
                    CLOUD_UNREACHABLE_TLS,
                    CLOUD_HTTP_ERROR,
                    PROXY_UNREACHABLE,
                    PROXY_TIMEOUT,
                    PROXY_REFUSED,
                    PROXY_AUTH_REQUIRED,
                    BAD_RESPONSE,
                    PAIRING_EXPIRED -> CLOUD_UNREACHABLE;
            case CERTIFICATE_REJECTED, CLOCK_FAR_OFF -> TRUST_OR_CLOCK;
            case STORAGE_FAILED -> FAILED;
        };
    }
}
