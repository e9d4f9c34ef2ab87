package com.roomagent.agent.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS trust built from a PEM file of certificate authorities: the cloud's CA for signaling and for
 * the media nodes' TLS port. The key store lives in memory only; nothing is written to disk.
 */
public final class TrustAnchors {
    private TrustAnchors() {}

    /**
     * An SSLContext that trusts exactly the certificates in {@code pemFile} (one or more {@code
     * BEGIN CERTIFICATE} blocks), and not the Java runtime's default authorities.
     *
     * @throws TrustAnchorException naming the file when it is missing, unreadable, or holds no
     *     certificate
     */
    public static SSLContext sslContextTrusting(Path pemFile) throws TrustAnchorException {
        List<Certificate> certificates = read(pemFile);
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("anchor-" + i, certificates.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            // Only a broken Java runtime (no default key store or TLS provider) ends here.
            throw new TrustAnchorException(pemFile, "cannot build a TLS context: " + e.getMessage(), e);
        }
    }

    /** The certificates in {@code pemFile}, in file order. */
    public static List<Certificate> read(Path pemFile) throws TrustAnchorException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pemFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new TrustAnchorException(pemFile, "file not found", e);
        } catch (IOException e) {
            throw new TrustAnchorException(pemFile, "unreadable: " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new TrustAnchorException(pemFile, "not a PEM certificate: " + firstLine(e.getMessage()), e);
        }
        if (certificates.isEmpty()) {
            throw new TrustAnchorException(pemFile, "contains no certificate", null);
        }
        return new ArrayList<>(certificates);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unparseable";
        }
        int newline = text.indexOf('\n');
        return newline >= 0 ? text.substring(0, newline) : text;
    }
}
