package com.roomagent.provisioning.qr;

import java.util.BitSet;
import java.util.Objects;

/**
 * A QR code's modules, quiet zone included: a square of {@code size} by {@code size} modules, each
 * dark or light. Immutable: the set of dark modules is copied in and out.
 *
 * @param size modules per side, quiet zone included
 * @param darkModules the dark modules, bit {@code y * size + x} for the module at column x, row y
 */
public record QrMatrix(int size, BitSet darkModules) {
    public QrMatrix {
        if (size <= 0) {
            throw new IllegalArgumentException("a QR matrix has at least one module per side, not " + size);
        }
        darkModules =
                (BitSet) Objects.requireNonNull(darkModules, "darkModules").clone();
        if (darkModules.length() > (long) size * size) {
            throw new IllegalArgumentException("dark module " + (darkModules.length() - 1) + " lies outside a " + size
                    + " by " + size + " matrix");
        }
    }

    /** A copy of the dark modules. */
    @Override
    public BitSet darkModules() {
        return (BitSet) darkModules.clone();
    }

    /**
     * Whether the module at column {@code x}, row {@code y} (from the top left, from 0) is dark.
     *
     * @throws IndexOutOfBoundsException outside the matrix
     */
    public boolean dark(int x, int y) {
        Objects.checkIndex(x, size);
        Objects.checkIndex(y, size);
        return darkModules.get(y * size + x);
    }

    /** The size only: the modules would let anyone reading a log decode the code, which may be a secret. */
    @Override
    public String toString() {
        return "QrMatrix[size=" + size + "]";
    }
}
