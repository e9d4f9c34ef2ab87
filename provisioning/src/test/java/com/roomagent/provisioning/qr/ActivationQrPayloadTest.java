package com.roomagent.provisioning.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.activation.ActivationCode;
import com.roomagent.protocol.activation.ActivationCodeException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivationQrPayloadTest {
    private static final ActivationCode CODE = ActivationCode.generate(new SecureRandom());

    @Test
    void encodeWritesThePrefixAndTheSixteenDigits() {
        assertEquals("ROOMAGENT:ACTIVATE:" + CODE.digits(), ActivationQrPayload.encode(CODE));
    }

    @Test
    void theCompactFormParsesBack() throws Exception {
        assertEquals(CODE, ActivationQrPayload.parse(ActivationQrPayload.encode(CODE)));
        assertEquals(CODE, ActivationQrPayload.parse(" roomagent:activate:" + CODE.formatted() + "\n"));
    }

    @Test
    void anHttpsLinkGivesItsCodeParameter() throws Exception {
        assertEquals(CODE, ActivationQrPayload.parse("https://admin.example.com/activate?code=" + CODE.formatted()));
        assertEquals(
                CODE,
                ActivationQrPayload.parse("HTTPS://admin.example.com/a?site=berlin&code="
                        + CODE.formatted().replace("-", "%2D") + "&lang=de#top"));
    }

    @Test
    void aCodeSurvivesQrCodePngAndScan() throws Exception {
        byte[] png = QrImages.png(QrCodes.encode(ActivationQrPayload.encode(CODE)), 4);

        Optional<String> scanned = QrScanner.scan(Frames.fromImage(png));

        assertEquals(CODE, ActivationQrPayload.parse(scanned.orElseThrow()));
    }

    @Test
    void everyOneOfAThousandCodesSurvivesQrCodePngAndScan() throws Exception {
        // Seeded, so a failure names codes that fail again; about 1 in 250 defeated the plain scan.
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(20261125L);
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ActivationCode code = ActivationCode.generate(random);
            byte[] png = QrImages.png(QrCodes.encode(ActivationQrPayload.encode(code)), 4);
            if (QrScanner.scan(Frames.fromImage(png)).isEmpty()) {
                failed.add(code.digits());
            }
        }
        assertEquals(List.of(), failed, "codes that did not survive");
    }

    @Test
    void textInNeitherFormIsNotAnActivationCode() {
        for (String text : new String[] {
            "hello", CODE.digits(), "http://admin.example.com/activate?code=" + CODE.digits(), "WIFI:S:room;;"
        }) {
            var e = assertThrows(QrPayloadException.class, () -> ActivationQrPayload.parse(text), text);
            assertTrue(e.getMessage().contains("ROOMAGENT:ACTIVATE:"), e.getMessage());
            assertFalse(e.getMessage().contains(CODE.digits()), e.getMessage());
        }
    }

    @Test
    void aLinkNeedsExactlyOneCodeParameter() {
        var none = assertThrows(
                QrPayloadException.class, () -> ActivationQrPayload.parse("https://admin.example.com/activate"));
        assertTrue(none.getMessage().contains("no code= parameter"), none.getMessage());

        var two = assertThrows(
                QrPayloadException.class,
                () -> ActivationQrPayload.parse("https://x.example/?code=" + CODE.digits() + "&code=" + CODE.digits()));
        assertTrue(two.getMessage().contains("2 code= parameters"), two.getMessage());

        assertThrows(QrPayloadException.class, () -> ActivationQrPayload.parse("https://x.example/?code=%zz"));
        assertThrows(QrPayloadException.class, () -> ActivationQrPayload.parse("https://x example/?code=1"));
    }

    @Test
    void aCodeWithATypingErrorIsReportedAsSuch() {
        String digits = CODE.digits();
        String mistyped =
                digits.substring(0, 5) + (char) ('0' + (digits.charAt(5) - '0' + 1) % 10) + digits.substring(6);

        var e = assertThrows(
                ActivationCodeException.class, () -> ActivationQrPayload.parse("ROOMAGENT:ACTIVATE:" + mistyped));
        assertEquals(ActivationCodeException.Reason.CHECK_DIGIT, e.reason());
        assertEquals(2, e.position());
    }

    @Test
    void aCompactFormWithLettersOrTooFewDigitsIsMalformed() {
        var letters =
                assertThrows(ActivationCodeException.class, () -> ActivationQrPayload.parse("ROOMAGENT:ACTIVATE:12AB"));
        assertEquals(ActivationCodeException.Reason.MALFORMED, letters.reason());

        var shortCode = assertThrows(
                ActivationCodeException.class, () -> ActivationQrPayload.parse("https://x.example/?code=1234"));
        assertEquals(ActivationCodeException.Reason.WRONG_LENGTH, shortCode.reason());
    }
}
