package com.roomagent.provisioning.qr;

import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
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
        Optional<String> text = read(new HybridBinarizer(source), HINTS);
        // ZXing's finder search misses about 1 clean code in 250 (measured over random activation
        // codes rendered by QrImages): dark data modules next to a finder pattern look like a fourth
        // one. When the frame is the code and nothing else (an image file, a display capture), the
        // pure-barcode reader finds it from the quiet zone instead. A camera frame just goes on to the next frame.
        return text.isPresent()
                ? text
                : read(new GlobalHistogramBinarizer(source), Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
    }

    private static Optional<String> read(Binarizer binarizer, Map<DecodeHintType, Object> hints) {
        try {
            // A reader per scan: QRCodeReader is cheap, and not documented as safe to share.
            return Optional.of(new QRCodeReader()
                    .decode(new BinaryBitmap(binarizer), hints)
                    .getText());
        } catch (NotFoundException | ChecksumException | FormatException e) {
            // No code in this frame, or one not readable in it; the next frame may do better.
            return Optional.empty();
        }
    }
}
