package com.roomagent.transport.dtls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate and key one end of a DTLS handshake presents. The peer does not check it
 * against a CA: it compares its SHA-256 {@link #fingerprint()} with the one signaling announced
 * (RFC 8122, as WebRTC does, RFC 8827 section 6.5), so a self-signed certificate is the norm.
 *
 * <p>The device uses a fresh {@link #selfSigned(String, Clock) self-signed} EC P-256 certificate
 * per call, never its provisioned identity key: that key authenticates the device to the cloud
 * over TLS and must not also sign media handshakes (one key, one purpose), and a per-call key
 * means a media node learns nothing that links two calls. The media node may use a self-signed
 * certificate or one issued by the emulator's CA; only its fingerprint matters to the device.
 *
 * @param privateKey the EC P-256 private key; never logged
 * @param certificate the certificate whose public key matches it
 */
public record DtlsCertificate(PrivateKey privateKey, X509Certificate certificate) {
    /** How long a generated certificate claims to be valid; peers check the fingerprint, not dates. */
    public static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(30);

    public DtlsCertificate {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    /**
     * Generates an EC P-256 key pair and a self-signed certificate for it (ECDSA with SHA-256),
     * valid from one hour before {@code clock}'s now, so a peer with a slightly slow clock accepts
     * it, for {@link #SELF_SIGNED_VALIDITY}.
     *
     * @param commonName the subject's CN, e.g. {@code "room-agent media"}; not a secret
     * @throws IllegalStateException if the JRE lacks EC P-256 or ECDSA, which Java 17 always has
     */
    public static DtlsCertificate selfSigned(String commonName, Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            X500Principal subject = new X500Principal("CN=" + commonName);
            Instant now = clock.instant();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    subject,
                    new BigInteger(64, new SecureRandom()).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(SELF_SIGNED_VALIDITY)),
                    subject,
                    keys.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new DtlsCertificate(keys.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate an EC P-256 DTLS certificate: " + e.getMessage(), e);
        }
    }

    /** The SHA-256 fingerprint that signaling announces for this certificate. */
    public CertificateFingerprint fingerprint() {
        return CertificateFingerprint.of(certificate);
    }

    @Override
    public String toString() {
        return "DtlsCertificate[" + certificate.getSubjectX500Principal().getName() + ", " + fingerprint() + "]";
    }
}
