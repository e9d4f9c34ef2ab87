package com.roomagent.hal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/hal.md documents every profile key once, in the order the HAL lists them, and no other. */
class HalDocumentationTest {
    private static final Pattern KEY_ROW = Pattern.compile("^\\| `(board\\.[A-Za-z0-9.]+)` \\|");

    @Test
    void everyKeyIsDocumentedOnceInOrder() throws IOException {
        Path doc = Path.of("..", "docs", "hal.md");
        List<String> documented = new ArrayList<>();
        for (String line : Files.readAllLines(doc)) {
            Matcher row = KEY_ROW.matcher(line);
            if (row.find()) {
                documented.add(row.group(1));
            }
        }

        assertEquals(BoardProfileKeys.ALL, documented);
    }
}
