package com.roomagent.agent.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One request on the control socket, one JSON object on one line (docs/provisioning.md, "The
 * control socket"): {@code {"command":"status"}}, {@code {"command":"activate","code":"1234-..."}}
 * or {@code {"command":"factory-reset"}}.
 *
 * <p>{@link #toString()} masks the code: a request is safe to log.
 *
 * @param command one of {@link #STATUS}, {@link #ACTIVATE}, {@link #FACTORY_RESET}
 * @param code for {@link #ACTIVATE}, the activation code as typed; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ControlRequest(String command, String code) {
    public static final String STATUS = "status";
    public static final String ACTIVATE = "activate";
    public static final String FACTORY_RESET = "factory-reset";

    public ControlRequest {
        Objects.requireNonNull(command, "command");
    }

    public static ControlRequest status() {
        return new ControlRequest(STATUS, null);
    }

    public static ControlRequest activate(String code) {
        return new ControlRequest(ACTIVATE, Objects.requireNonNull(code, "code"));
    }

    public static ControlRequest factoryReset() {
        return new ControlRequest(FACTORY_RESET, null);
    }

    @Override
    public String toString() {
        return "ControlRequest[command=" + command + (code == null ? "" : ", code=(hidden)") + "]";
    }
}
