package com.roomagent.agent.proxy.wpad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WPAD on a fake file tree: lease files of each DHCP client and resolv.conf. */
class WpadLocatorTest {
    @TempDir
    Path root;

    private Path dhclient;
    private Path networkManager;
    private Path networkd;
    private Path resolvConf;

    @BeforeEach
    void tree() throws Exception {
        dhclient = Files.createDirectories(root.resolve("var/lib/dhcp"));
        networkManager = Files.createDirectories(root.resolve("var/lib/NetworkManager"));
        networkd = Files.createDirectories(root.resolve("run/systemd/netif/leases"));
        resolvConf = root.resolve("etc/resolv.conf");
        Files.createDirectories(resolvConf.getParent());
    }

    private WpadLocator locator() {
        return new WpadLocator(List.of(dhclient, networkManager, networkd, root.resolve("missing")), resolvConf);
    }

    @Test
    void dhclientsNamedWpadOptionGivesTheUrlOfTheLatestLease() throws Exception {
        Files.writeString(dhclient.resolve("dhclient.eth0.leases"), """
                lease {
                  interface "eth0";
                  fixed-address 10.0.0.5;
                  option wpad "http://old.corp.example/proxy.pac";
                }
                lease {
                  interface "eth0";
                  fixed-address 10.0.0.5;
                  option wpad "http://proxyconf.corp.example/proxy.pac";
                  renew 3 2026/11/25 20:00:00;
                }
                """);
        assertEquals(
                List.of(URI.create("http://proxyconf.corp.example/proxy.pac")),
                locator().fromDhcp());
    }

    @Test
    void anUnnamedOption252InHexIsDecoded() throws Exception {
        String hex = "68:74:74:70:3a:2f:2f:77:2f:77:2e:64:61:74:00"; // "http://w/w.dat" and a NUL
        Files.writeString(
                networkManager.resolve("dhclient-uuid-eth0.lease"), "lease {\n  option unknown-252 " + hex + ";\n}\n");
        assertEquals(List.of(URI.create("http://w/w.dat")), locator().fromDhcp());
    }

    @Test
    void systemdNetworkdPrivateOption252IsRead() throws Exception {
        Files.writeString(networkd.resolve("2"), """
                # This is private data. Do not parse.
                ADDRESS=10.0.0.7
                OPTION_252=687474703a2f2f7770616431302f7770616431302e646174
                """);
        assertEquals(List.of(URI.create("http://wpad10/wpad10.dat")), locator().fromDhcp());
    }

    @Test
    void theNewestLeaseFileComesFirstAndNonHttpUrlsAreIgnored() throws Exception {
        Path older = Files.writeString(dhclient.resolve("a.leases"), "lease {\n  option wpad \"http://a/a.pac\";\n}\n");
        Path newer = Files.writeString(dhclient.resolve("b.leases"), "lease {\n  option wpad \"http://b/b.pac\";\n}\n");
        Files.writeString(dhclient.resolve("c.leases"), "lease {\n  option wpad \"file:///etc/passwd\";\n}\n");
        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2026-06-01T00:00:00Z")));
        Files.setLastModifiedTime(dhclient.resolve("c.leases"), FileTime.from(Instant.parse("2026-07-01T00:00:00Z")));
        assertEquals(
                List.of(URI.create("http://b/b.pac"), URI.create("http://a/a.pac")),
                locator().fromDhcp());
    }

    @Test
    void dnsWalksTheSearchDomainUpToTwoLabels() throws Exception {
        Files.writeString(resolvConf, "nameserver 10.0.0.1\nsearch Lab.Paris.Corp.Example.com. other.example\n");
        assertEquals(
                List.of(
                        URI.create("http://wpad.lab.paris.corp.example.com/wpad.dat"),
                        URI.create("http://wpad.paris.corp.example.com/wpad.dat"),
                        URI.create("http://wpad.corp.example.com/wpad.dat"),
                        URI.create("http://wpad.example.com/wpad.dat")),
                locator().fromDns());
    }

    @Test
    void dnsNeverReachesATopLevelOrPublicSuffixDomain() throws Exception {
        Files.writeString(resolvConf, "domain site.corp.co.uk\n");
        assertEquals(
                List.of(
                        URI.create("http://wpad.site.corp.co.uk/wpad.dat"),
                        URI.create("http://wpad.corp.co.uk/wpad.dat")),
                locator().fromDns());
        Files.writeString(resolvConf, "search lan\n");
        assertEquals(List.of(), locator().fromDns());
    }

    @Test
    void dhcpComesBeforeDnsAndNothingFoundIsEmpty() throws Exception {
        assertEquals(List.of(), locator().candidates());
        Files.writeString(resolvConf, "search corp.example\n");
        Files.writeString(dhclient.resolve("x.leases"), "lease {\n  option wpad \"http://dhcp/p.pac\";\n}\n");
        assertEquals(
                List.of(URI.create("http://dhcp/p.pac"), URI.create("http://wpad.corp.example/wpad.dat")),
                locator().candidates());
    }
}
