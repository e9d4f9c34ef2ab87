package com.roomagent.provisioning.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.AlgorithmParameters;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import org.junit.jupiter.api.Test;

class DeviceKeysTest {
    @Test
    void generatedKeysAreOnCurveP256() throws Exception {
        KeyPair keys = DeviceKeys.generate();

        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec p256 = parameters.getParameterSpec(ECParameterSpec.class);
        ECParameterSpec actual = ((ECPublicKey) keys.getPublic()).getParams();
        assertEquals(p256.getCurve(), actual.getCurve());
        assertEquals(p256.getGenerator(), actual.getGenerator());
        assertEquals(p256.getOrder(), actual.getOrder());
        assertEquals(
                p256.getOrder(), ((ECPrivateKey) keys.getPrivate()).getParams().getOrder());
    }

    @Test
    void everyCallGivesANewKey() {
        assertNotEquals(DeviceKeys.generate().getPublic(), DeviceKeys.generate().getPublic());
    }

    @Test
    void generatedHalvesBelongTogether() {
        KeyPair keys = DeviceKeys.generate();

        assertEquals(true, KeyChecks.belongTogether(keys.getPrivate(), keys.getPublic()));
        assertEquals(
                false,
                KeyChecks.belongTogether(
                        keys.getPrivate(), DeviceKeys.generate().getPublic()));
    }
}
