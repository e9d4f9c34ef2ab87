package com.roomagent.agent.testing;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sockets a process holds, read from Linux's procfs: {@code /proc/<pid>/fd} gives the inodes of
 * its sockets, {@code /proc/<pid>/net/{tcp,tcp6,udp,udp6,unix}} describe every socket of its network
 * namespace; the two matched give the process's own. Used to check R1 (the agent listens on no
 * network port) in every state: call {@link #listening(long, Duration)} with the agent's pid.
 *
 * <p><b>What "listening" means.</b> TCP: a socket in the LISTEN state. UDP has no such state, so:
 * a UDP socket that is not connected to a peer (its remote address is 0) and is bound to a port
 * accepts datagrams from anyone, which is listening, unless it is a transient probe socket (Java's
 * {@code DatagramSocket} is bound before it is connected, for a moment). A socket counts as
 * listening when it is unconnected and bound in two samples taken {@code transientWindow} apart,
 * with the same inode. Connected UDP sockets (STUN probes, media flows: one 5-tuple each, R13)
 * accept datagrams only from the peer the device chose, as an outbound TCP connection does: not
 * listening. Unix domain sockets (the control socket) are not network sockets.
 */
public final class ProcessSockets {
    private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");
    private static final int TCP_LISTEN = 0x0A;

    private ProcessSockets() {}

    /** One network socket of the process. */
    public record NetworkSocket(
            String protocol,
            String localAddress,
            int localPort,
            String remoteAddress,
            int remotePort,
            int state,
            long inode) {
        /** TCP in LISTEN, or UDP bound and not connected (see the class comment for transient ones). */
        public boolean acceptsFromAnyone() {
            if (protocol.startsWith("tcp")) {
                return state == TCP_LISTEN;
            }
            return localPort != 0 && remotePort == 0;
        }

        @Override
        public String toString() {
            return protocol + " " + localAddress + ":" + localPort + " -> " + remoteAddress + ":" + remotePort
                    + " state=" + Integer.toHexString(state) + " inode=" + inode;
        }
    }

    /** The inodes of every socket {@code pid} has open. */
    public static Set<Long> socketInodes(long pid) throws IOException {
        Set<Long> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    Matcher matcher =
                            SOCKET_LINK.matcher(Files.readSymbolicLink(fd).toString());
                    if (matcher.matches()) {
                        inodes.add(Long.parseLong(matcher.group(1)));
                    }
                } catch (IOException closedMeanwhile) {
                    // The descriptor closed between listing and reading: not open any more.
                }
            }
        }
        return inodes;
    }

    /** Every TCP and UDP socket, IPv4 and IPv6, that {@code pid} has open now. */
    public static List<NetworkSocket> networkSockets(long pid) throws IOException {
        Set<Long> own = socketInodes(pid);
        List<NetworkSocket> sockets = new ArrayList<>();
        for (String protocol : List.of("tcp", "tcp6", "udp", "udp6")) {
            Path table = Path.of("/proc", Long.toString(pid), "net", protocol);
            if (!Files.exists(table)) {
                continue; // no IPv6 in this kernel
            }
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.strip().split("\\s+");
                long inode = Long.parseLong(f[9]);
                if (!own.contains(inode)) {
                    continue;
                }
                String[] local = f[1].split(":");
                String[] remote = f[2].split(":");
                sockets.add(new NetworkSocket(
                        protocol,
                        address(local[0]),
                        Integer.parseInt(local[1], 16),
                        address(remote[0]),
                        Integer.parseInt(remote[1], 16),
                        Integer.parseInt(f[3], 16),
                        inode));
            }
        }
        return sockets;
    }

    /** The paths of the Unix domain sockets {@code pid} has open (bound ones only). */
    public static List<String> unixSocketPaths(long pid) throws IOException {
        Set<Long> own = socketInodes(pid);
        List<String> paths = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", "unix"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.strip().split("\\s+", 8);
            if (f.length == 8 && own.contains(Long.parseLong(f[6]))) {
                paths.add(f[7]);
            }
        }
        return paths;
    }

    /**
     * The network sockets on which {@code pid} listens: TCP in LISTEN, and UDP sockets unconnected
     * and bound in two samples {@code transientWindow} apart (the class comment says why). Empty is
     * what R1 requires.
     */
    public static List<NetworkSocket> listening(long pid, Duration transientWindow)
            throws IOException, InterruptedException {
        List<NetworkSocket> first = networkSockets(pid).stream()
                .filter(NetworkSocket::acceptsFromAnyone)
                .toList();
        if (first.isEmpty()) {
            return first;
        }
        Thread.sleep(transientWindow.toMillis()); // a second sample of the real process, later
        Set<Long> still = new HashSet<>();
        for (NetworkSocket socket : networkSockets(pid)) {
            if (socket.acceptsFromAnyone()) {
                still.add(socket.inode());
            }
        }
        return first.stream()
                .filter(socket -> socket.protocol().startsWith("tcp") || still.contains(socket.inode()))
                .toList();
    }

    /** A procfs address (hex, each 32-bit word in host byte order: little-endian here) as text. */
    static String address(String hex) {
        if (hex.length() == 8) {
            long word = Long.parseLong(hex, 16);
            return (word & 0xff) + "." + (word >> 8 & 0xff) + "." + (word >> 16 & 0xff) + "." + (word >> 24 & 0xff);
        }
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 4; w++) {
            String word = hex.substring(w * 8, w * 8 + 8);
            for (int b = 3; b >= 0; b -= 2) {
                // bytes of the word reversed, two per group of the IPv6 text form
                String group = word.substring(b * 2, b * 2 + 2) + word.substring((b - 1) * 2, (b - 1) * 2 + 2);
                text.append(text.length() == 0 ? "" : ":").append(group.toLowerCase(Locale.ROOT));
            }
        }
        return text.toString();
    }
}
