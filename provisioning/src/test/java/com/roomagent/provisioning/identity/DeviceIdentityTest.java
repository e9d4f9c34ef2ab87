package com.roomagent.provisioning.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.activation.ActivationResponse;
import com.roomagent.protocol.activation.OrganizationSettings;
import java.net.URI;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceIdentityTest {
    private static final OrganizationSettings SETTINGS = new OrganizationSettings(
            URI.create("https://signaling.example/"),
            URI.create("https://content.example/"),
            URI.create("https://upgrade.example/"),
            URI.create("https://metrics.example/"));

    @Test
    void toStringShowsTheCertificateButNeverTheKey() throws Exception {
        DeviceIdentity identity = TestIdentities.create("a");
        String encodedKey =
                Base64.getEncoder().encodeToString(identity.privateKey().getEncoded());

        String text = identity.toString();

        assertTrue(text.contains("CN=device-a"), text);
        assertTrue(text.contains("privateKey=(hidden)"), text);
        assertFalse(text.contains(encodedKey.substring(40, 60)), text);
        assertFalse(text.contains(identity.privateKey().toString()), text);
    }

    @Test
    void fromActivationTakesTheCloudsAnswerForTheDevicesKey() throws Exception {
        KeyPair keys = DeviceKeys.generate();
        var certificate = TestIdentities.selfSigned(keys, "device-7");
        var response = new ActivationResponse(
                "device-7", "organization-3", List.of(Pem.writeCertificates(List.of(certificate))), SETTINGS);

        DeviceIdentity identity = DeviceIdentity.fromActivation(response, keys, TestIdentities.PROVISIONED_AT);

        assertEquals("device-7", identity.deviceId());
        assertEquals("organization-3", identity.organizationId());
        assertEquals(certificate, identity.certificate());
        assertEquals(keys.getPrivate(), identity.privateKey());
        assertEquals(SETTINGS, identity.settings());
    }

    @Test
    void fromActivationRejectsACertificateForAnotherKey() throws Exception {
        var otherCertificate = TestIdentities.selfSigned(DeviceKeys.generate(), "device-7");
        var response = new ActivationResponse(
                "device-7", "organization-3", List.of(Pem.writeCertificates(List.of(otherCertificate))), SETTINGS);

        var e = assertThrows(
                CertificateChainException.class,
                () -> DeviceIdentity.fromActivation(response, DeviceKeys.generate(), TestIdentities.PROVISIONED_AT));
        assertTrue(e.getMessage().contains("not for the key this device generated"), e.getMessage());
    }

    @Test
    void fromActivationRejectsAChainThatIsNotPem() {
        var response = new ActivationResponse("device-7", "organization-3", List.of("not a certificate"), SETTINGS);

        var e = assertThrows(
                CertificateChainException.class,
                () -> DeviceIdentity.fromActivation(response, DeviceKeys.generate(), TestIdentities.PROVISIONED_AT));
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
    }

    @Test
    void anEmptyChainIsRefused() throws Exception {
        DeviceIdentity a = TestIdentities.create("a");

        assertThrows(
                IllegalArgumentException.class,
                () -> new DeviceIdentity("d", "o", a.privateKey(), List.of(), SETTINGS, a.provisionedAt()));
    }
}
