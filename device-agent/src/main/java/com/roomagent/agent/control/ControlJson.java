package com.roomagent.agent.control;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;

/**
 * The JSON mapping of the control protocol: compact (one object per line), timestamps as ISO-8601
 * strings, empty optionals as null, paths as text, unknown fields ignored so that a newer CLI and an older agent still understand each
 * other's known fields.
 */
public final class ControlJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // The HAL's status has Optional fields (empty: null) and device paths (as written: /dev/video0).
            .addModule(new Jdk8Module())
            .addModule(new SimpleModule("paths").addSerializer(Path.class, ToStringSerializer.instance))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ControlJson() {}

    /** Thread-safe once built; shared. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
