package com.roomagent.hal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Pi4J types stay in the one adapter package: the rest of the HAL never sees them. */
class VendorBoundaryTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "com", "roomagent", "hal");

    @Test
    void onlyThePi4jPackageImportsPi4j() throws IOException {
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(SOURCES.resolve("pi4j")))
                    .filter(VendorBoundaryTest::mentionsPi4j)
                    .toList();
        }

        assertEquals(List.of(), offenders);
    }

    private static boolean mentionsPi4j(Path file) {
        try {
            return Files.readString(file).contains("com.pi4j.");
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
