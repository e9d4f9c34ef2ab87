package com.roomagent.provisioning.identity;

import com.roomagent.protocol.activation.OrganizationSettings;
import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Identities for tests: a fresh P-256 key and a tiny self-signed certificate for it. */
final class TestIdentities {
    static final Instant PROVISIONED_AT = Instant.parse("2026-11-25T10:15:30Z");

    private TestIdentities() {}

    /** An identity whose URLs all live under {@code <name>.example}, so two identities differ everywhere. */
    static DeviceIdentity create(String name) throws Exception {
        KeyPair keys = DeviceKeys.generate();
        return new DeviceIdentity(
                "device-" + name,
                "organization-" + name,
                keys.getPrivate(),
                List.of(selfSigned(keys, "device-" + name)),
                new OrganizationSettings(
                        URI.create("https://signaling." + name + ".example/"),
                        URI.create("https://content." + name + ".example/"),
                        URI.create("https://upgrade." + name + ".example/"),
                        URI.create("https://metrics." + name + ".example/")),
                PROVISIONED_AT);
    }

    static X509Certificate selfSigned(KeyPair keys, String commonName) throws Exception {
        X500Name subject = new X500Name("CN=" + commonName);
        var builder = new JcaX509v3CertificateBuilder(
                subject,
                BigInteger.valueOf(System.nanoTime()),
                Date.from(PROVISIONED_AT.minus(Duration.ofDays(1))),
                Date.from(PROVISIONED_AT.plus(Duration.ofDays(365))),
                subject,
                keys.getPublic());
        var signer = new JcaContentSignerBuilder(CertificateRequests.SIGNATURE_ALGORITHM).build(keys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }
}
