package com.roomagent.emulator.ca;

import com.roomagent.emulator.state.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's certificate authority: an EC P-256 key and a self-signed certificate, kept in the
 * state directory so that devices configured to trust {@code ca.pem} keep trusting the emulator
 * across restarts. It issues the server certificates of the signaling server and of every media
 * node's TLS port, issued anew at each start and never stored, and the client certificates of
 * activated devices.
 *
 * <p>Thread-safe: immutable after construction.
 */
public final class CertificateAuthority {
    /** The CA certificate, PEM; devices trust this file. Readable by everyone (0644). */
    public static final String CERTIFICATE_FILE = "ca.pem";

    /** The CA private key, PKCS #8 PEM; owner-only (0600). */
    public static final String KEY_FILE = "ca-key.pem";

    private static final Logger log = LoggerFactory.getLogger(CertificateAuthority.class);
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration SERVER_VALIDITY = Duration.ofDays(397);
    // Certificates start an hour in the past, so a device whose clock is slightly behind accepts them.
    private static final Duration BACKDATING = Duration.ofHours(1);
    private static final Duration DEVICE_VALIDITY = Duration.ofDays(365);
    // Device certificates are used at once by the device that asked: five minutes cover its clock skew.
    private static final Duration DEVICE_BACKDATING = Duration.ofMinutes(5);
    private static final String CA_NAME = "Room Agent Cloud Emulator CA";

    private final KeyPair keys;
    private final X509Certificate certificate;
    private final Optional<Path> certificateFile;
    private final Clock clock;

    private CertificateAuthority(KeyPair keys, X509Certificate certificate, Optional<Path> file, Clock clock) {
        this.keys = keys;
        this.certificate = certificate;
        this.certificateFile = file;
        this.clock = clock;
    }

    /**
     * Loads the CA from {@code stateDir}, or creates one there when neither file exists. A new CA is
     * written key first (0600), then certificate, each atomically.
     *
     * @throws CertificateAuthorityException when only one of the two files exists, a file is
     *     unreadable or malformed, the key does not match the certificate, the certificate has
     *     expired, or the directory is not writable
     */
    public static CertificateAuthority loadOrCreate(Path stateDir, Clock clock) throws CertificateAuthorityException {
        Path certificateFile = stateDir.resolve(CERTIFICATE_FILE);
        Path keyFile = stateDir.resolve(KEY_FILE);
        boolean hasCertificate = Files.exists(certificateFile);
        boolean hasKey = Files.exists(keyFile);
        if (hasCertificate && hasKey) {
            return load(certificateFile, keyFile, clock);
        }
        if (hasCertificate || hasKey) {
            Path present = hasCertificate ? certificateFile : keyFile;
            throw new CertificateAuthorityException(
                    present,
                    "found without its partner " + (hasCertificate ? KEY_FILE : CERTIFICATE_FILE)
                            + "; delete it to create a new CA (devices must then trust the new " + CERTIFICATE_FILE
                            + ")",
                    null);
        }
        return create(stateDir, certificateFile, keyFile, clock);
    }

    /**
     * A CA that lives in memory only and that nobody trusts: the issuer of the certificates served in
     * {@code bad-certificate} mode.
     *
     * @throws GeneralSecurityException when the JDK cannot generate EC keys or sign
     */
    public static CertificateAuthority untrusted(Clock clock) throws GeneralSecurityException {
        KeyPair keys = CertificateIssuer.newKeyPair();
        Instant now = clock.instant();
        X509Certificate certificate = CertificateIssuer.selfSignedCa(
                keys, "Untrusted Emulator CA", now.minus(BACKDATING), now.plus(CA_VALIDITY));
        return new CertificateAuthority(keys, certificate, Optional.empty(), clock);
    }

    /**
     * Issues a server certificate with a fresh EC P-256 key.
     *
     * @param commonName the subject CN, for people reading certificates (clients match {@code names})
     * @param names every IP literal and DNS name the server is reached by
     * @throws GeneralSecurityException when the JDK cannot generate EC keys or sign
     */
    public ServerCredentials issueServer(String commonName, Collection<String> names) throws GeneralSecurityException {
        KeyPair serverKeys = CertificateIssuer.newKeyPair();
        Instant now = clock.instant();
        X509Certificate leaf = CertificateIssuer.server(
                certificate,
                keys.getPrivate(),
                serverKeys.getPublic(),
                commonName,
                names,
                now.minus(BACKDATING),
                now.plus(SERVER_VALIDITY));
        return new ServerCredentials(serverKeys.getPrivate(), List.of(leaf, certificate));
    }

    /**
     * Issues a device's client certificate for {@code deviceKey}, the key of its certificate
     * signing request ({@link CertificateRequests#publicKeyOf}), valid for a year from five minutes
     * ago.
     *
     * @param deviceId the subject CN, for example {@code dev-1a2b3c4d}
     * @param organizationId the subject O
     * @throws GeneralSecurityException when the JDK cannot sign or encode the certificate
     */
    public DeviceCertificate issueDevice(PublicKey deviceKey, String deviceId, String organizationId)
            throws GeneralSecurityException {
        Instant now = clock.instant();
        X509Certificate leaf = CertificateIssuer.device(
                certificate,
                keys.getPrivate(),
                deviceKey,
                deviceId,
                organizationId,
                now.minus(DEVICE_BACKDATING),
                now.plus(DEVICE_VALIDITY));
        List<X509Certificate> chain = List.of(leaf, certificate);
        List<String> pem = new ArrayList<>();
        for (X509Certificate each : chain) {
            try {
                pem.add(new String(Pem.encode(each), StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new CertificateEncodingException("cannot PEM-encode " + each.getSubjectX500Principal(), e);
            }
        }
        return new DeviceCertificate(chain, pem);
    }

    /** The CA certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** Where the CA certificate is stored; empty for an {@link #untrusted} CA. */
    public Optional<Path> certificateFile() {
        return certificateFile;
    }

    private static CertificateAuthority load(Path certificateFile, Path keyFile, Clock clock)
            throws CertificateAuthorityException {
        X509Certificate certificate;
        PrivateKey key;
        try {
            certificate = Pem.readCertificate(Files.readString(certificateFile, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new CertificateAuthorityException(
                    certificateFile,
                    "cannot read the CA certificate: " + e.getMessage() + "; delete " + CERTIFICATE_FILE + " and "
                            + KEY_FILE + " to create a new CA",
                    e);
        }
        try {
            key = Pem.readPrivateKey(Files.readString(keyFile, StandardCharsets.US_ASCII));
            warnIfExposed(keyFile);
        } catch (IOException e) {
            throw new CertificateAuthorityException(
                    keyFile,
                    "cannot read the CA key: " + e.getMessage() + "; delete " + CERTIFICATE_FILE + " and " + KEY_FILE
                            + " to create a new CA",
                    e);
        }
        try {
            certificate.checkValidity(Date.from(clock.instant()));
            // A key that signs something the certificate's public key verifies is the certificate's key.
            byte[] probe = "room-agent".getBytes(StandardCharsets.US_ASCII);
            var signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            var verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new CertificateAuthorityException(
                        keyFile,
                        "does not belong to " + certificateFile + "; delete both files to create a new CA",
                        null);
            }
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new CertificateAuthorityException(
                    certificateFile,
                    "is not valid now (" + e.getMessage()
                            + "); check the clock, or delete " + CERTIFICATE_FILE + " and " + KEY_FILE
                            + " to create a new CA",
                    e);
        } catch (GeneralSecurityException e) {
            throw new CertificateAuthorityException(
                    keyFile,
                    "cannot be used with " + certificateFile + ": " + e.getMessage()
                            + "; delete both files to create a new CA",
                    e);
        }
        log.info(
                "ca.loaded certificate={} subject=\"{}\" notAfter={}",
                certificateFile,
                certificate.getSubjectX500Principal().getName(),
                certificate.getNotAfter().toInstant());
        KeyPair keys = new KeyPair(certificate.getPublicKey(), key);
        return new CertificateAuthority(keys, certificate, Optional.of(certificateFile), clock);
    }

    private static CertificateAuthority create(Path stateDir, Path certificateFile, Path keyFile, Clock clock)
            throws CertificateAuthorityException {
        KeyPair keys;
        X509Certificate certificate;
        try {
            keys = CertificateIssuer.newKeyPair();
            Instant now = clock.instant();
            certificate = CertificateIssuer.selfSignedCa(keys, CA_NAME, now.minus(BACKDATING), now.plus(CA_VALIDITY));
        } catch (GeneralSecurityException e) {
            throw new CertificateAuthorityException(stateDir, "cannot create a CA key and certificate: " + e, e);
        }
        try {
            Files.createDirectories(stateDir);
            AtomicFile.write(keyFile, Pem.encode(keys.getPrivate()), AtomicFile.OWNER_ONLY);
            AtomicFile.write(certificateFile, Pem.encode(certificate), AtomicFile.PUBLIC);
        } catch (IOException e) {
            throw new CertificateAuthorityException(
                    stateDir,
                    "cannot write the CA files: " + e
                            + "; make the state directory writable or choose another with --state-dir",
                    e);
        }
        log.info(
                "ca.created certificate={} key={} notAfter={}",
                certificateFile,
                keyFile,
                certificate.getNotAfter().toInstant());
        return new CertificateAuthority(keys, certificate, Optional.of(certificateFile), clock);
    }

    private static void warnIfExposed(Path keyFile) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keyFile);
        boolean exposed = Arrays.stream(PosixFilePermission.values())
                .filter(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))
                .anyMatch(permissions::contains);
        if (exposed) {
            log.warn(
                    "ca.key_exposed key={} permissions={} action=\"chmod 600 the key file\"",
                    keyFile,
                    PosixFilePermissions.toString(permissions));
        }
    }
}
