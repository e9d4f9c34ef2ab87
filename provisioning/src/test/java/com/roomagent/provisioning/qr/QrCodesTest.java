package com.roomagent.provisioning.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class QrCodesTest {
    @Test
    void anActivationPayloadFitsInAVersion2Symbol() {
        QrMatrix matrix = QrCodes.encode("ROOMAGENT:ACTIVATE:4821093755621184");

        assertEquals(25 + 2 * QrCodes.QUIET_ZONE_MODULES, matrix.size());
    }

    @Test
    void theSymbolIsSurroundedByFourLightModules() {
        QrMatrix matrix = QrCodes.encode("https://example.com/activate?code=4821-0937-5562-1184");
        int size = matrix.size();

        for (int i = 0; i < size; i++) {
            for (int border = 0; border < QrCodes.QUIET_ZONE_MODULES; border++) {
                assertFalse(matrix.dark(i, border));
                assertFalse(matrix.dark(i, size - 1 - border));
                assertFalse(matrix.dark(border, i));
                assertFalse(matrix.dark(size - 1 - border, i));
            }
        }
        // The top-left finder pattern starts right inside the quiet zone.
        assertTrue(matrix.dark(4, 4));
    }

    @Test
    void emptyTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> QrCodes.encode(""));
    }

    @Test
    void textTooLongForAnyQrCodeIsRefusedWithItsLength() {
        var e = assertThrows(IllegalArgumentException.class, () -> QrCodes.encode("x".repeat(3000)));

        assertTrue(e.getMessage().contains("3000 characters"), e.getMessage());
    }

    @Test
    void aMatrixIsImmutable() {
        QrMatrix matrix = QrCodes.encode("hello");
        BitSet copy = matrix.darkModules();
        copy.clear();

        assertEquals(QrCodes.encode("hello"), matrix);
        assertTrue(matrix.darkModules().cardinality() > 0);
    }

    @Test
    void toStringShowsOnlyTheSizeNeverTheModules() {
        assertEquals(
                "QrMatrix[size=33]",
                QrCodes.encode("ROOMAGENT:ACTIVATE:4821093755621184").toString());
    }

    @Test
    void modulesOutsideTheMatrixAreRefused() {
        QrMatrix matrix = QrCodes.encode("hello");

        assertThrows(IndexOutOfBoundsException.class, () -> matrix.dark(matrix.size(), 0));
        assertThrows(IndexOutOfBoundsException.class, () -> matrix.dark(0, -1));
    }
}
