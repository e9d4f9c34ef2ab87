package com.roomagent.agent.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SemanticVersionTest {
    @Test
    void theSpecificationsPrecedenceExampleIsInOrder() {
        // semver.org 2.0.0 item 11.4, its own example.
        List<String> ordered = List.of(
                "1.0.0-alpha",
                "1.0.0-alpha.1",
                "1.0.0-alpha.beta",
                "1.0.0-beta",
                "1.0.0-beta.2",
                "1.0.0-beta.11",
                "1.0.0-rc.1",
                "1.0.0");
        for (int i = 0; i + 1 < ordered.size(); i++) {
            SemanticVersion lower = SemanticVersion.parse(ordered.get(i));
            SemanticVersion higher = SemanticVersion.parse(ordered.get(i + 1));
            assertTrue(higher.isNewerThan(lower), higher + " > " + lower);
            assertTrue(lower.compareTo(higher) < 0, lower + " < " + higher);
        }
    }

    @Test
    void numbersCompareNumericallyNotAsText() {
        assertTrue(SemanticVersion.parse("1.10.0").isNewerThan(SemanticVersion.parse("1.9.0")));
        assertTrue(SemanticVersion.parse("2.0.0").isNewerThan(SemanticVersion.parse("1.99.99")));
        assertTrue(SemanticVersion.parse("1.0.10").isNewerThan(SemanticVersion.parse("1.0.9")));
    }

    @Test
    void buildMetadataDoesNotChangePrecedence() {
        assertEquals(0, SemanticVersion.parse("1.0.0+a").compareTo(SemanticVersion.parse("1.0.0+b")));
        assertEquals(
                "1.0.0-rc.1+build.5",
                SemanticVersion.parse("1.0.0-rc.1+build.5").toString());
    }

    @Test
    void malformedVersionsAreRefusedWithTheReason() {
        for (String bad : List.of("", "1", "1.0", "01.0.0", "1.0.0-", "1.0.0-01", "v1.0.0", "1.0.0/../x")) {
            IllegalArgumentException error =
                    assertThrows(IllegalArgumentException.class, () -> SemanticVersion.parse(bad), bad);
            assertTrue(error.getMessage().contains("semver"), error.getMessage());
        }
    }
}
