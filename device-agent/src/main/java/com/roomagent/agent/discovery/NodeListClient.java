package com.roomagent.agent.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.agent.discovery.CloudRequestException.Step;
import com.roomagent.protocol.discovery.DiscoveryJson;
import com.roomagent.protocol.discovery.NodeList;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * Fetches the media node list (R6): {@code GET {signalingUri}/v1/media-nodes}. Thread-safe. Does
 * not own the {@link HttpClient}; its creator does.
 */
public final class NodeListClient {
    /** The node list's path under the signaling URI. */
    public static final String PATH = "/v1/media-nodes";

    private static final ObjectMapper JSON = DiscoveryJson.mapper();

    private final HttpClient http;
    private final URI uri;
    private final Duration requestTimeout;

    /**
     * @param http the client, trusting the cloud's CA (see {@link CloudHttp})
     * @param signalingUri the signaling service's base URL, for example {@code https://10.0.0.1:443}
     * @param requestTimeout time allowed for the whole request once connected
     */
    public NodeListClient(HttpClient http, URI signalingUri, Duration requestTimeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.uri = CloudExchange.resolve(signalingUri, PATH);
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** The URL this client fetches. */
    public URI uri() {
        return uri;
    }

    /**
     * Fetches the node list.
     *
     * @throws CloudRequestException naming the step that failed: connect, TLS, HTTP status (with an
     *     excerpt of the body), or a body that is not a node list
     */
    public NodeList fetch() throws CloudRequestException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        String body = CloudExchange.send(http, request);
        try {
            return JSON.readValue(body, NodeList.class);
        } catch (JsonProcessingException e) {
            throw new CloudRequestException(
                    Step.BAD_BODY,
                    "GET",
                    uri,
                    0,
                    "not a node list: " + e.getOriginalMessage() + " in " + CloudExchange.excerpt(body),
                    e);
        }
    }
}
