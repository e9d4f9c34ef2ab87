package com.roomagent.emulator.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.NodeKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reads configuration files: strictly, so that a typo is an error naming the field, not a default. */
public final class ConfigFiles {
    /** The source name of {@link #builtInDefault()}, as error messages and logs show it. */
    public static final String BUILT_IN_SOURCE = "built-in default configuration";

    private static final String BUILT_IN_RESOURCE = "default-emulator.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // "5004" where 5004 is meant is a mistake worth reporting, not guessing about.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private ConfigFiles() {}

    /**
     * Reads and validates {@code file}.
     *
     * @throws InvalidConfigException when the file is missing, unreadable, not JSON, has an unknown
     *     or mistyped field, or fails {@link ConfigValidator}
     */
    public static EmulatorConfig load(Path file) throws InvalidConfigException {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigException(
                    source,
                    List.of("no such file; pass an existing file, or omit --config to use the " + BUILT_IN_SOURCE),
                    e);
        } catch (IOException e) {
            throw new InvalidConfigException(source, List.of("cannot read the file: " + e), e);
        }
        return parse(text, source);
    }

    /** The configuration {@code make demo} runs: six nodes on 127.0.1.x with the real ports. */
    public static EmulatorConfig builtInDefault() {
        try (InputStream in = ConfigFiles.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + BUILT_IN_RESOURCE + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN_SOURCE);
        } catch (IOException | InvalidConfigException e) {
            // The resource is part of the build; a broken one is a packaging bug, not a user error.
            throw new IllegalStateException("the " + BUILT_IN_SOURCE + " is broken: " + e.getMessage(), e);
        }
    }

    /**
     * Parses and validates {@code json}; {@code source} names it in error messages.
     *
     * @throws InvalidConfigException as {@link #load(Path)}
     */
    public static EmulatorConfig parse(String json, String source) throws InvalidConfigException {
        if (json.isBlank()) {
            throw new InvalidConfigException(source, List.of("the file is empty; write a JSON object with nodes"));
        }
        ConfigJson.File file;
        try {
            file = MAPPER.readValue(json, ConfigJson.File.class);
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException(source, List.of(describe(e)), e);
        }
        if (file == null) {
            throw new InvalidConfigException(source, List.of("the file holds null; write a JSON object with nodes"));
        }
        List<String> problems = new ArrayList<>();
        EmulatorConfig config = toConfig(file, source, problems);
        // Report what the validator finds too, so one run shows every mistake; but only when every
        // node converted, since its messages count nodes by their position in the file.
        int written = file.nodes() == null ? 0 : file.nodes().size();
        if (config.nodes().size() == written) {
            problems.addAll(ConfigValidator.problems(config));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(source, problems);
        }
        return config;
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            UnrecognizedPropertyException unknown = (UnrecognizedPropertyException) e;
            String known = unknown.getKnownPropertyIds() == null
                    ? ""
                    : "; expected one of "
                            + new TreeSet<>(unknown.getKnownPropertyIds().stream()
                                    .map(Object::toString)
                                    .collect(Collectors.toList()));
            return "unknown field '" + path(unknown) + "'" + at(e.getLocation()) + known;
        }
        Throwable syntax = e instanceof StreamReadException ? e : e.getCause();
        if (syntax instanceof StreamReadException) {
            StreamReadException invalid = (StreamReadException) syntax;
            return "not valid JSON" + at(invalid.getLocation()) + ": " + clean(invalid.getOriginalMessage());
        }
        if (e instanceof MismatchedInputException && ((MismatchedInputException) e).getTargetType() != null) {
            MismatchedInputException mismatch = (MismatchedInputException) e;
            return "field '" + path(mismatch) + "'" + at(e.getLocation()) + " must be "
                    + expected(mismatch.getTargetType()) + ": " + clean(e.getOriginalMessage());
        }
        String field = e instanceof JsonMappingException ? " in field '" + path((JsonMappingException) e) + "'" : "";
        return "cannot read the configuration" + field + at(e.getLocation()) + ": " + clean(e.getOriginalMessage());
    }

    private static String expected(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static EmulatorConfig toConfig(ConfigJson.File file, String source, List<String> problems) {
        ConfigJson.Signaling signaling = file.signaling() == null
                ? new ConfigJson.Signaling(null, null, null, null, null, null)
                : file.signaling();
        ConfigJson.RateLimit rateLimit = signaling.activationRateLimit() == null
                ? new ConfigJson.RateLimit(null, null)
                : signaling.activationRateLimit();
        String signalingHost = Optional.ofNullable(signaling.host()).orElse(SignalingConfig.DEFAULT_HOST);
        int signalingPort = Optional.ofNullable(signaling.port()).orElse(SignalingConfig.DEFAULT_PORT);
        // On port 443 the event channel needs an address of its own to keep port 443 too (R2);
        // elsewhere (tests, benchmarks) it shares the signaling host on an ephemeral port.
        boolean port443 = signalingPort == SignalingConfig.DEFAULT_PORT;
        SignalingConfig signalingConfig = new SignalingConfig(
                signalingHost,
                signalingPort,
                Optional.ofNullable(signaling.reportHistoryPerDevice()).orElse(SignalingConfig.DEFAULT_REPORT_HISTORY),
                new RateLimitConfig(
                        Optional.ofNullable(rateLimit.burst()).orElse(RateLimitConfig.DEFAULT_BURST),
                        Duration.ofSeconds(Optional.ofNullable(rateLimit.refillSeconds())
                                .orElse(RateLimitConfig.DEFAULT_REFILL_SECONDS))),
                Optional.ofNullable(signaling.eventChannelHost())
                        .orElse(port443 ? SignalingConfig.DEFAULT_EVENT_CHANNEL_HOST : signalingHost),
                Optional.ofNullable(signaling.eventChannelPort()).orElse(port443 ? SignalingConfig.DEFAULT_PORT : 0));
        List<NodeConfig> nodes = new ArrayList<>();
        if (file.nodes() != null) {
            for (int index = 0; index < file.nodes().size(); index++) {
                toNode(file.nodes().get(index), "nodes[" + index + "]", problems)
                        .ifPresent(nodes::add);
            }
        }
        return new EmulatorConfig(source, signalingConfig, nodes, toOrganization(file.organization(), problems));
    }

    private static OrganizationConfig toOrganization(ConfigJson.Organization organization, List<String> problems) {
        if (organization == null) {
            return OrganizationConfig.defaults();
        }
        return new OrganizationConfig(
                Optional.ofNullable(organization.id()).orElse(OrganizationConfig.DEFAULT_ID),
                url("organization.contentUrl", organization.contentUrl(), problems),
                url("organization.upgradeUrl", organization.upgradeUrl(), problems),
                url("organization.metricsUrl", organization.metricsUrl(), problems));
    }

    private static Optional<URI> url(String field, String text, List<String> problems) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(text));
        } catch (URISyntaxException e) {
            problems.add(field + " is '" + text + "', not a URL (" + e.getReason()
                    + "); write an absolute https URL such as https://content.example.com/");
            return Optional.empty();
        }
    }

    private static Optional<NodeConfig> toNode(ConfigJson.Node node, String where, List<String> problems) {
        if (node == null) {
            problems.add(where + " is null; write a node object");
            return Optional.empty();
        }
        int before = problems.size();
        require(node.id(), where + ".id", problems);
        require(node.kind(), where + ".kind", problems);
        require(node.region(), where + ".region", problems);
        require(node.host(), where + ".host", problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        String named = "node '" + node.id() + "' (" + where + ")";
        NodeConfig.Builder builder = NodeConfig.builder(node.id(), node.host()).region(node.region());
        try {
            builder.kind(NodeKind.fromId(node.kind()));
        } catch (IllegalArgumentException e) {
            problems.add(named + ": kind is '" + node.kind() + "'; use cloud or video-mesh");
        }
        Map<String, Integer> ports = node.ports() == null ? defaultPorts() : node.ports();
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            transport(port.getKey(), named + " ports", problems).ifPresent(t -> {
                if (port.getValue() == null) {
                    problems.add(named + ": ports." + t.id() + " is null; use a port number, 0 for ephemeral");
                } else {
                    builder.port(t, port.getValue());
                }
            });
        }
        if (node.transports() != null) {
            for (Map.Entry<String, String> mode : node.transports().entrySet()) {
                Optional<MediaTransport> transport = transport(mode.getKey(), named + " transports", problems);
                Optional<TransportMode> parsed =
                        mode.getValue() == null ? Optional.empty() : TransportMode.fromId(mode.getValue());
                if (parsed.isEmpty()) {
                    problems.add(named + ": transports." + mode.getKey() + " is '" + mode.getValue()
                            + "'; use serve, drop, closed or bad-certificate");
                }
                transport.ifPresent(t -> parsed.ifPresent(m -> builder.mode(t, m)));
            }
        }
        builder.delay(Duration.ofMillis(Optional.ofNullable(node.delayMillis()).orElse(0)));
        return Optional.of(builder.build());
    }

    private static Map<String, Integer> defaultPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (MediaTransport transport : MediaTransport.values()) {
            ports.put(transport.id(), transport.defaultPort());
        }
        return ports;
    }

    private static Optional<MediaTransport> transport(String id, String field, List<String> problems) {
        try {
            return Optional.of(MediaTransport.fromId(id));
        } catch (IllegalArgumentException e) {
            problems.add(field + " has key '" + id + "'; use udp, tcp, tls or udp-last-resort");
            return Optional.empty();
        }
    }

    private static void require(String value, String field, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is missing; every node needs id, kind, region and host");
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson's message without its hints about Jackson itself, which mean nothing to an operator. */
    private static String clean(String message) {
        String cleaned = message;
        for (String noise : List.of("\n", " (but might", " (start marker", " at [Source")) {
            int at = cleaned.indexOf(noise);
            if (at >= 0) {
                cleaned = cleaned.substring(0, at);
            }
        }
        return cleaned;
    }
}
