package com.roomagent.agent.daemon;

import com.roomagent.hal.profile.BoardProfiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Board profiles for tests that run agents with real media pipelines. */
public final class TestBoards {
    private TestBoards() {}

    /**
     * Writes {@code configDir/board.properties}: the emulated board with its video capped at
     * 320x240@15, so a call in a test costs little CPU. A board.properties with board.* keys is the
     * whole profile, so it starts from the built-in emulated one.
     */
    public static void smallEmulated(Path configDir) throws IOException {
        Properties board = new Properties();
        try (InputStream in = BoardProfiles.class.getResourceAsStream("emulated.properties")) {
            board.load(in);
        }
        board.setProperty("board.video.maxWidth", "320");
        board.setProperty("board.video.maxHeight", "240");
        board.setProperty("board.video.maxFps", "15");
        try (OutputStream out = Files.newOutputStream(configDir.resolve("board.properties"))) {
            board.store(out, "test board");
        }
    }
}
