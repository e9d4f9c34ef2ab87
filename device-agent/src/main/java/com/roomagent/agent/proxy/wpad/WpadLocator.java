package com.roomagent.agent.proxy.wpad;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Web Proxy Auto-Discovery (WPAD, draft-ietf-wrec-wpad-01) as far as a Linux device can see it:
 * the candidate PAC file URLs, most authoritative first. Reads files only; fetching the candidates
 * (and so resolving {@code wpad.<domain>}) is the caller's job.
 *
 * <ol>
 *   <li>DHCP option 252 from the DHCP clients' lease files: ISC dhclient ({@code option wpad
 *       "..."}, or {@code option unknown-252} when dhclient.conf does not name it), NetworkManager
 *       with its dhclient back end (the same format), and systemd-networkd ({@code OPTION_252=} in
 *       its lease files, hex, present only when the .network file requests option 252).
 *   <li>DNS: {@code http://wpad.<domain>/wpad.dat} for the search domain in resolv.conf and each
 *       parent domain, stopping before a single label (a top-level domain) and before a two-label
 *       domain that looks like a public suffix such as {@code co.uk}.
 * </ol>
 *
 * Paths are injected so tests read a fake tree; {@link #system()} reads the real one.
 */
public final class WpadLocator {
    /** dhclient: {@code option wpad "http://...";} or an unknown option 252, quoted or in hex. */
    private static final Pattern DHCLIENT_OPTION = Pattern.compile(
            "^\\s*option\\s+(?:wpad|wpad-url|proxy-auto-config|unknown-252)\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|[0-9a-fA-F:]+)\\s*;",
            Pattern.MULTILINE);
    /** systemd-networkd: private options saved as {@code OPTION_252=<hex>}. */
    private static final Pattern NETWORKD_OPTION =
            Pattern.compile("^OPTION_252=([0-9a-fA-F]+)\\s*$", Pattern.MULTILINE);
    /** Second-level labels under which a two-label name is treated as a public suffix. */
    private static final Set<String> SUFFIX_LABELS = Set.of("co", "com", "net", "org", "ac", "gov", "edu", "ne", "or");

    private final List<Path> leaseDirectories;
    private final Path resolvConf;

    /**
     * @param leaseDirectories directories whose files are DHCP leases (any that do not exist are
     *     skipped)
     * @param resolvConf the resolver configuration naming the search domain
     */
    public WpadLocator(List<Path> leaseDirectories, Path resolvConf) {
        this.leaseDirectories = List.copyOf(leaseDirectories);
        this.resolvConf = resolvConf;
    }

    /** The real locations: dhclient, NetworkManager and systemd-networkd leases, /etc/resolv.conf. */
    public static WpadLocator system() {
        return new WpadLocator(
                List.of(
                        Path.of("/var/lib/dhcp"),
                        Path.of("/var/lib/dhclient"),
                        Path.of("/var/lib/NetworkManager"),
                        Path.of("/run/systemd/netif/leases")),
                Path.of("/etc/resolv.conf"));
    }

    /** Every candidate PAC URL, DHCP first, then DNS from the most specific domain; may be empty. */
    public List<URI> candidates() {
        Set<URI> candidates = new LinkedHashSet<>(fromDhcp());
        candidates.addAll(fromDns());
        return List.copyOf(candidates);
    }

    /** The URLs DHCP option 252 carried, newest lease file first. */
    public List<URI> fromDhcp() {
        List<Path> files = new ArrayList<>();
        for (Path directory : leaseDirectories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
                for (Path entry : entries) {
                    if (Files.isRegularFile(entry) && Files.isReadable(entry)) {
                        files.add(entry);
                    }
                }
            } catch (IOException e) {
                // An unreadable directory tells us nothing: WPAD goes on with the others.
            }
        }
        files.sort((a, b) -> Long.compare(modified(b), modified(a)));
        List<URI> urls = new ArrayList<>();
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                continue;
            }
            // A dhclient lease file appends leases: the last one is the current one.
            String last = null;
            Matcher dhclient = DHCLIENT_OPTION.matcher(text);
            while (dhclient.find()) {
                last = decode(dhclient.group(1));
            }
            Matcher networkd = NETWORKD_OPTION.matcher(text);
            while (networkd.find()) {
                last = decodeHex(networkd.group(1));
            }
            if (last != null) {
                url(last).filter(u -> !urls.contains(u)).ifPresent(urls::add);
            }
        }
        return urls;
    }

    /** {@code http://wpad.<domain>/wpad.dat} for the search domain and its parents. */
    public List<URI> fromDns() {
        String domain = searchDomain();
        List<URI> urls = new ArrayList<>();
        if (domain.isEmpty()) {
            return urls;
        }
        String[] labels = domain.split("\\.");
        for (int start = 0; labels.length - start >= 2; start++) {
            int left = labels.length - start;
            if (left == 2 && SUFFIX_LABELS.contains(labels[start]) && labels[start + 1].length() == 2) {
                break; // co.uk, com.au: a registry, not an organization
            }
            String candidate = String.join(".", java.util.Arrays.copyOfRange(labels, start, labels.length));
            url("http://wpad." + candidate + "/wpad.dat").ifPresent(urls::add);
        }
        return urls;
    }

    /** The first search domain of resolv.conf ({@code search} or {@code domain}), lower case. */
    String searchDomain() {
        List<String> lines;
        try {
            lines = Files.readAllLines(resolvConf, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
        String domain = "";
        for (String line : lines) {
            String[] words = line.strip().split("\\s+");
            if (words.length >= 2 && (words[0].equals("search") || words[0].equals("domain"))) {
                domain = words[1]; // the last search/domain line wins, as in the resolver
            }
        }
        domain = domain.toLowerCase(Locale.ROOT);
        while (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        return domain.matches("[a-z0-9-]+(\\.[a-z0-9-]+)*") ? domain : "";
    }

    private static String decode(String value) {
        if (value.startsWith("\"")) {
            return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return decodeHex(value.replace(":", ""));
    }

    private static String decodeHex(String hex) {
        try {
            String text = new String(
                    HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : "0" + hex), StandardCharsets.ISO_8859_1);
            return text.replace("\0", ""); // some servers send a terminating NUL
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static java.util.Optional<URI> url(String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return java.util.Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // Not a URL: ignored, as browsers do.
        }
        return java.util.Optional.empty();
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
