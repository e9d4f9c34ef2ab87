package com.roomagent.protocol.discovery;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON mapping of discovery messages, shared by the agent and the cloud emulator. */
public final class DiscoveryJson {
    private DiscoveryJson() {}

    /**
     * A mapper that writes timestamps as ISO-8601 strings and rejects unknown properties, so a
     * misspelt field in a hand-written file is reported instead of ignored. Mappers are
     * thread-safe once configured; callers may share the one returned.
     */
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }
}
