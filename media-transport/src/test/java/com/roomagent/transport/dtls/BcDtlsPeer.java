package com.roomagent.transport.dtls;

import com.roomagent.transport.MediaChannel;
import com.roomagent.transport.PacketKind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/**
 * An independent DTLS 1.2 implementation, Bouncy Castle's bctls, as the other end of a Scandium
 * handshake over a {@link MediaChannel}: it exports with the same label through BC's own RFC 5705
 * code, so equal bytes on both sides check our label, context and length choices against a second
 * implementation. Blocking, as bctls is: run it on a test-owned thread.
 */
final class BcDtlsPeer {
    private static final int RECEIVE_LIMIT = 2048;
    private static final int SEND_LIMIT = ChannelDtlsConnector.MTU - 28;

    private BcDtlsPeer() {}

    /**
     * What a BC server knew at the end of its handshake: its export, and (for the RFC 5705
     * structure check) the master secret and both randoms the export was computed from.
     */
    record ServerResult(byte[] exported, byte[] masterSecret, byte[] clientRandom, byte[] serverRandom) {}

    /** Runs a BC client handshake against the node with {@code nodeFingerprint}; returns the exported 60 bytes. */
    static byte[] runClient(MediaChannel channel, CertificateFingerprint nodeFingerprint) throws IOException {
        JcaTlsCrypto crypto = new JcaTlsCryptoProvider().create(new SecureRandom());
        Client client = new Client(crypto, nodeFingerprint);
        DTLSTransport transport = new DTLSClientProtocol().connect(client, new ChannelTransport(channel));
        try {
            return client.export();
        } finally {
            transport.close();
        }
    }

    /**
     * Runs a BC server handshake presenting {@code certificate}; returns the exported 60 bytes.
     *
     * @param issueSessionId whether the ServerHello carries a session ID (bctls's default is none)
     */
    static byte[] runServer(MediaChannel channel, DtlsCertificate certificate, boolean issueSessionId)
            throws IOException {
        return runServerKeepingSecrets(channel, certificate, issueSessionId).exported();
    }

    /** As {@link #runServer}, also returning the master secret and randoms, extracted after the export. */
    static ServerResult runServerKeepingSecrets(
            MediaChannel channel, DtlsCertificate certificate, boolean issueSessionId) throws IOException {
        JcaTlsCrypto crypto = new JcaTlsCryptoProvider().create(new SecureRandom());
        Server server = new Server(crypto, certificate, issueSessionId);
        DTLSTransport transport = new DTLSServerProtocol().accept(server, new ChannelTransport(channel));
        try {
            return server.result();
        } finally {
            transport.close();
        }
    }

    private static final class Client extends DefaultTlsClient {
        private final CertificateFingerprint expected;
        private volatile byte[] exported;

        Client(JcaTlsCrypto crypto, CertificateFingerprint expected) {
            super(crypto);
            this.expected = expected;
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.DTLSv12.only();
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return new int[] {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256};
        }

        @Override
        public TlsAuthentication getAuthentication() {
            return new TlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                    byte[] der = serverCertificate
                            .getCertificate()
                            .getCertificateAt(0)
                            .getEncoded();
                    byte[] actual;
                    try {
                        actual = MessageDigest.getInstance("SHA-256").digest(der);
                    } catch (java.security.NoSuchAlgorithmException e) {
                        throw new IOException(e);
                    }
                    if (!MessageDigest.isEqual(actual, expected.sha256())) {
                        throw new TlsFatalAlert(AlertDescription.bad_certificate);
                    }
                }

                @Override
                public TlsCredentials getClientCredentials(CertificateRequest certificateRequest) {
                    return null;
                }
            };
        }

        @Override
        public void notifyHandshakeComplete() throws IOException {
            super.notifyHandshakeComplete();
            // bctls allows the exporter only from here (RFC 5705 section 4 with no context).
            exported = context.exportKeyingMaterial(DtlsSrtp.EXPORTER_LABEL, null, SrtpKeyingMaterial.LENGTH);
        }

        byte[] export() {
            return exported;
        }
    }

    private static final class Server extends DefaultTlsServer {
        private final DtlsCertificate certificate;
        private final boolean issueSessionId;
        private volatile ServerResult result;

        Server(JcaTlsCrypto crypto, DtlsCertificate certificate, boolean issueSessionId) {
            super(crypto);
            this.certificate = certificate;
            this.issueSessionId = issueSessionId;
        }

        /** bctls sends an empty session_id unless told otherwise; most TLS servers issue one. */
        @Override
        public byte[] getNewSessionID() {
            if (!issueSessionId) {
                return null;
            }
            byte[] id = new byte[32];
            new SecureRandom().nextBytes(id);
            return id;
        }

        @Override
        public void notifyHandshakeComplete() throws IOException {
            super.notifyHandshakeComplete();
            byte[] exported = context.exportKeyingMaterial(DtlsSrtp.EXPORTER_LABEL, null, SrtpKeyingMaterial.LENGTH);
            SecurityParameters parameters = context.getSecurityParametersConnection();
            // extract() ends BC's use of the secret: only after the export.
            result = new ServerResult(
                    exported,
                    parameters.getMasterSecret().extract(),
                    parameters.getClientRandom(),
                    parameters.getServerRandom());
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.DTLSv12.only();
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return new int[] {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256};
        }

        @Override
        protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
            JcaTlsCrypto crypto = (JcaTlsCrypto) getCrypto();
            byte[] der;
            try {
                der = certificate.certificate().getEncoded();
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IOException(e);
            }
            Certificate chain = new Certificate(new TlsCertificate[] {crypto.createCertificate(der)});
            return new JcaDefaultTlsCredentialedSigner(
                    new TlsCryptoParameters(context),
                    crypto,
                    certificate.privateKey(),
                    chain,
                    new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
        }

        ServerResult result() {
            return result;
        }
    }

    /** BC's datagram seam over a media channel: DTLS packets queue up, sends go to the channel. */
    private static final class ChannelTransport implements DatagramTransport {
        private final MediaChannel channel;
        private final BlockingQueue<byte[]> inbound = new LinkedBlockingQueue<>();

        ChannelTransport(MediaChannel channel) {
            this.channel = channel;
            channel.onPacket(packet -> {
                if (PacketKind.of(packet) == PacketKind.DTLS) {
                    inbound.add(packet);
                }
            });
        }

        @Override
        public int getReceiveLimit() {
            return RECEIVE_LIMIT;
        }

        @Override
        public int getSendLimit() {
            return SEND_LIMIT;
        }

        @Override
        public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
            byte[] packet;
            try {
                packet = inbound.poll(waitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a DTLS record");
            }
            if (packet == null) {
                return -1;
            }
            int length = Math.min(len, packet.length);
            System.arraycopy(packet, 0, buf, off, length);
            return length;
        }

        @Override
        public void send(byte[] buf, int off, int len) throws IOException {
            channel.send(Arrays.copyOfRange(buf, off, off + len));
        }

        @Override
        public void close() {
            // The test owns the channel.
        }
    }
}
