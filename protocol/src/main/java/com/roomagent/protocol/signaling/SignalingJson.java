package com.roomagent.protocol.signaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * The one JSON mapping of the signaling protocol, shared by the agent and the cloud emulator: one
 * compact line per message, ISO-8601 timestamps, unknown properties ignored (a newer cloud may add
 * fields; an unknown {@code type} is still an error).
 */
public final class SignalingJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SignalingJson() {}

    /** The shared mapper; thread-safe, do not reconfigure. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code message} as one line of JSON. */
    public static String write(SignalingMessage message) {
        try {
            return MAPPER.writerFor(SignalingMessage.class).writeValueAsString(message);
        } catch (JsonProcessingException e) {
            // Records of strings, numbers and JSON trees always serialize; failing here is a bug.
            throw new UncheckedIOException("cannot write " + message.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads one message.
     *
     * @throws JsonProcessingException when {@code text} is not JSON, has no known {@code type}, or
     *     lacks a required field
     */
    public static SignalingMessage read(String text) throws JsonProcessingException {
        SignalingMessage message = MAPPER.readValue(text, SignalingMessage.class);
        if (message == null) {
            throw MismatchedInputException.from(
                    null, SignalingMessage.class, "a signaling message is a JSON object, not null");
        }
        return message;
    }
}
