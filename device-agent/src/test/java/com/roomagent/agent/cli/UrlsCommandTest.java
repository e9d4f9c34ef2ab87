package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.agent.firewall.FirewallRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code room-agent urls}: the firewall list from configuration and state, with no agent running. */
class UrlsCommandTest {
    @TempDir
    Path configDir;

    @TempDir
    Path stateDir;

    @Test
    void everyUrlCategoryIsListedWithItsHostPortAndWhy() throws Exception {
        Files.writeString(
                configDir.resolve("agent.properties"),
                "cloud.signalingUrl=https://signal.example.com\n"
                        + "cloud.contentUrl=https://files.example.com:8443/content\n"
                        + "cloud.upgradeUrl=https://cdn.example.net/room\n"
                        + "cloud.metricsUrl=https://metrics.example.org/\n");

        InProcessCli.Outcome outcome = InProcessCli.run(InProcessCli.command("urls", configDir, stateDir));

        assertEquals(ExitCodes.OK, outcome.exitCode(), outcome::describe);
        assertLine(outcome, "signaling\\s+HTTPS\\s+signal\\.example\\.com\\s+443\\s+messaging and signaling.*");
        assertLine(outcome, "signaling\\s+WSS\\s+signal\\.example\\.com\\s+443\\s+signaling event channel.*");
        assertLine(outcome, "activation\\s+HTTPS\\s+signal\\.example\\.com\\s+443\\s+activation of this device");
        assertLine(outcome, "content\\s+HTTPS\\s+files\\.example\\.com\\s+8443\\s+file and content storage.*");
        assertLine(outcome, "upgrade\\s+HTTPS\\s+cdn\\.example\\.net\\s+443\\s+software upgrades.*");
        assertLine(outcome, "metrics\\s+HTTPS\\s+metrics\\.example\\.org\\s+443\\s+metrics and analytics.*");
        String unknown = Pattern.quote(FirewallRules.NODES_UNKNOWN);
        assertLine(outcome, "media\\s+UDP\\s+" + unknown + "\\s+5004\\s+media, preferred path.*");
        assertLine(outcome, "media\\s+TCP\\s+" + unknown + "\\s+5004\\s+media, first fallback.*");
        assertLine(outcome, "media\\s+TLS\\s+" + unknown + "\\s+443\\s+media, second fallback.*");
        assertLine(outcome, "media\\s+UDP\\s+" + unknown + "\\s+33434\\s+media, last resort.*");
        assertTrue(outcome.out().contains("run after activation"), outcome::describe);
    }

    @Test
    void administratorOverridesWinOverTheProvisionedUrls() throws Exception {
        Path provisioned = stateDir.resolve("identity").resolve("provisioned.properties");
        Files.createDirectories(provisioned.getParent());
        Files.writeString(
                provisioned,
                "cloud.upgradeUrl=https://upgrades.cloud.example/org-1\ncloud.metricsUrl=https://m.cloud.example/\n");
        Files.writeString(
                configDir.resolve("agent.properties"), "cloud.upgradeUrl=https://mirror.corp.example:9443/\n");

        InProcessCli.Outcome outcome = InProcessCli.run(InProcessCli.command("urls", configDir, stateDir));

        assertEquals(ExitCodes.OK, outcome.exitCode(), outcome::describe);
        assertLine(outcome, "upgrade\\s+HTTPS\\s+mirror\\.corp\\.example\\s+9443\\s+.*");
        assertLine(outcome, "metrics\\s+HTTPS\\s+m\\.cloud\\.example\\s+443\\s+.*");
    }

    @Test
    void theProxyIsListedAndTheHttpsFlowsSayTheyGoThroughIt() throws Exception {
        Files.writeString(configDir.resolve("agent.properties"), "network.httpProxy=proxy.corp.example:3128\n");

        InProcessCli.Outcome outcome = InProcessCli.run(InProcessCli.command("urls", configDir, stateDir, "--json"));

        assertEquals(ExitCodes.OK, outcome.exitCode(), outcome::describe);
        JsonNode rules = new ObjectMapper().readTree(outcome.out());
        JsonNode proxy = null;
        for (JsonNode rule : rules) {
            if (rule.get("category").asText().equals("proxy")) {
                proxy = rule;
            }
            if (rule.get("protocol").asText().equals("HTTPS")) {
                assertTrue(rule.get("why").asText().contains("through the HTTP proxy"), rule::toString);
            }
            if (rule.get("category").asText().equals("media")) {
                assertTrue(rule.get("why").asText().contains("never through the proxy"), rule::toString);
            }
        }
        assertEquals("proxy.corp.example", proxy.get("host").asText());
        assertEquals(3128, proxy.get("port").asInt());
    }

    @Test
    void aPlainHttpUrlIsRefusedNamingTheFileAndKey() throws Exception {
        Path file =
                Files.writeString(configDir.resolve("agent.properties"), "cloud.metricsUrl=http://metrics.example\n");

        InProcessCli.Outcome outcome = InProcessCli.run(InProcessCli.command("urls", configDir, stateDir));

        assertEquals(ExitCodes.CONFIGURATION, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.err().contains(file + ": cloud.metricsUrl:"), outcome::describe);
        assertTrue(outcome.err().contains("https://"), outcome::describe);
    }

    private static void assertLine(InProcessCli.Outcome outcome, String regex) {
        Pattern pattern = Pattern.compile(regex);
        assertTrue(
                outcome.out().lines().anyMatch(line -> pattern.matcher(line).matches()),
                () -> regex + "\n" + outcome.describe());
    }
}
