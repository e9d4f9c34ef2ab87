package com.roomagent.transport.channel;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.transport.ChannelOpener;
import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.MediaChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Opens channels on real sockets. TCP and TLS connect with {@link Proxy#NO_PROXY}: media never goes
 * through a proxy (R5), even if someone installs a default proxy selector or SOCKS properties. TLS
 * verifies the node's certificate against the given trust (the cloud CA) and its identity against
 * the candidate's host with endpoint identification "HTTPS" (RFC 2818 section 3.1), which matches
 * an IP literal against the certificate's IP address entries, as discovery does.
 */
public final class RealChannelOpener implements ChannelOpener {
    private final ChannelSettings settings;
    private final SSLContext tls;

    /**
     * @param tlsOrNull trust for media nodes' TLS port; null when TLS candidates cannot be used,
     *     which makes them fail with a message saying so
     */
    public RealChannelOpener(ChannelSettings settings, SSLContext tlsOrNull) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tls = tlsOrNull;
    }

    @Override
    public MediaChannel open(MediaCandidate candidate) throws IOException {
        InetSocketAddress remote;
        try {
            remote = new InetSocketAddress(InetAddress.getByName(candidate.host()), candidate.port());
        } catch (IOException e) {
            throw new IOException("cannot resolve media node " + candidate.describe() + ": " + e.getMessage(), e);
        }
        MediaTransport transport = candidate.transport();
        switch (transport.protocol()) {
            case UDP:
                try {
                    return UdpMediaChannel.open(transport, remote, settings.maxPacketBytes());
                } catch (IOException e) {
                    throw new IOException(
                            "cannot open a UDP socket to " + candidate.describe() + ": " + e.getMessage(), e);
                }
            case TCP:
                return new StreamMediaChannel(transport, connect(candidate, remote), settings.maxPacketBytes());
            case TLS:
                if (tls == null) {
                    throw new IOException("no TLS trust anchors configured, so " + candidate.describe()
                            + " cannot be verified; configure the cloud CA");
                }
                return new StreamMediaChannel(
                        transport, handshake(candidate, connect(candidate, remote)), settings.maxPacketBytes());
            default:
                throw new IllegalStateException("unhandled protocol " + transport.protocol());
        }
    }

    private Socket connect(MediaCandidate candidate, InetSocketAddress remote) throws IOException {
        Socket socket = new Socket(Proxy.NO_PROXY);
        try {
            socket.connect(remote, millis(settings.connectTimeout().toMillis()));
            socket.setTcpNoDelay(true);
            return socket;
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new SocketTimeoutException("connect to " + candidate.describe() + " timed out after "
                    + settings.connectTimeout().toMillis() + " ms");
        } catch (IOException e) {
            socket.close();
            throw new IOException("connect to " + candidate.describe() + " failed: " + e.getMessage(), e);
        }
    }

    private SSLSocket handshake(MediaCandidate candidate, Socket socket) throws IOException {
        SSLSocket secure;
        try {
            secure = (SSLSocket) tls.getSocketFactory().createSocket(socket, candidate.host(), candidate.port(), true);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        try {
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
            secure.setSoTimeout(millis(settings.tlsHandshakeTimeout().toMillis()));
            secure.startHandshake();
            secure.setSoTimeout(0);
            return secure;
        } catch (SocketTimeoutException e) {
            secure.close();
            throw new SocketTimeoutException("TLS handshake with " + candidate.describe() + " timed out after "
                    + settings.tlsHandshakeTimeout().toMillis() + " ms");
        } catch (IOException e) {
            secure.close();
            throw new IOException(
                    "TLS handshake with " + candidate.describe() + " failed (is the node's certificate"
                            + " issued by the cloud CA, for this address?): " + e.getMessage(),
                    e);
        }
    }

    private static int millis(long value) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, value));
    }
}
