package com.roomagent.agent.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.roomagent.agent.firewall.FirewallRules.MediaTarget;
import com.roomagent.protocol.discovery.MediaTransport;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FirewallRulesTest {
    @Test
    void knownMediaNodesAreListedByAddressInTransportPreferenceOrder() {
        URI cloud = URI.create("https://cloud.example");
        List<FirewallRule> rules = FirewallRules.of(
                cloud,
                cloud,
                cloud,
                cloud,
                true,
                Optional.empty(),
                List.of(
                        new MediaTarget("mesh-1", MediaTransport.TLS, "10.0.0.5", 443),
                        new MediaTarget("mesh-1", MediaTransport.UDP, "10.0.0.5", 5004),
                        new MediaTarget("cloud-1", MediaTransport.UDP, "203.0.113.7", 5004)));

        List<String> media = rules.stream()
                .filter(rule -> rule.category().equals("media"))
                .map(rule -> rule.protocol() + " " + rule.host() + ":" + rule.port())
                .toList();

        assertEquals(List.of("UDP 10.0.0.5:5004", "UDP 203.0.113.7:5004", "TLS 10.0.0.5:443"), media);
    }
}
