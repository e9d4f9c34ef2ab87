package com.roomagent.provisioning.qr;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Finds and reads a QR code in a camera frame. */
public final class QrScanner {
    // TRY_HARDER: a camera frame is mostly not the code, often tilted and unevenly lit; a scan of
    // a VGA frame still takes milliseconds, well within a camera's frame interval.
    private static final Map<DecodeHintType, Object> HINTS = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);

    private QrScanner() {}

    /**
     * The text of the QR code in {@code frame}, if one is found and reads without errors. A frame
     * without a code, or with one too blurred or damaged to read, gives empty: the caller scans the
     * next frame.
     */
    public static Optional<String> scan(GrayFrame frame) {
        Objects.requireNonNull(frame, "frame");
        var source = new PlanarYUVLuminanceSource(
                frame.lumaForReading(), frame.width(), frame.height(), 0, 0, frame.width(), frame.height(), false);
        try {
            // A reader per scan: QRCodeReader is cheap, and not documented as safe to share.
            return Optional.of(new QRCodeReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(source)), HINTS)
                    .getText());
        } catch (NotFoundException | ChecksumException | FormatException e) {
            // No code in this frame, or one not readable in it; the next frame may do better.
            return Optional.empty();
        }
    }
}
