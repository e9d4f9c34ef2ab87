package com.roomagent.provisioning.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Map;
import java.util.Objects;

/** Makes QR codes (ISO/IEC 18004). */
public final class QrCodes {
    /**
     * Light modules around the symbol on every side: ISO/IEC 18004 section 6.3.8 asks for 4, and
     * scanners fail more often with less, above all on a screen with a dark frame.
     */
    public static final int QUIET_ZONE_MODULES = 4;

    private QrCodes() {}

    /**
     * The QR code for {@code text}, at error correction level M (about 15% of the symbol may be
     * damaged or glared), with the quiet zone. Text in the QR alphanumeric set (digits, upper-case
     * letters, space and {@code $%*+-./:}) gives the smallest symbol.
     *
     * @throws IllegalArgumentException if the text is empty or too long for any QR code at level M
     *     (2,331 bytes of UTF-8)
     */
    public static QrMatrix encode(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a QR code needs some text to carry");
        }
        // ASCII needs no character set, and an ECI header for UTF-8 confuses some older scanners.
        Map<EncodeHintType, Object> hints =
                StandardCharsets.US_ASCII.newEncoder().canEncode(text)
                        ? Map.of()
                        : Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        ByteMatrix symbol;
        try {
            symbol = Encoder.encode(text, ErrorCorrectionLevel.M, hints).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException(
                    "text of " + text.length() + " characters does not fit in a QR code at error correction M ("
                            + e.getMessage() + ")",
                    e);
        }
        int size = symbol.getWidth() + 2 * QUIET_ZONE_MODULES;
        BitSet dark = new BitSet(size * size);
        for (int y = 0; y < symbol.getHeight(); y++) {
            for (int x = 0; x < symbol.getWidth(); x++) {
                if (symbol.get(x, y) == 1) {
                    dark.set((y + QUIET_ZONE_MODULES) * size + x + QUIET_ZONE_MODULES);
                }
            }
        }
        return new QrMatrix(size, dark);
    }
}
