package com.roomagent.av.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * On a machine without GStreamer the camera says what to install. Simulated in a child JVM in which
 * gst1-java-core looks for a library name that does not exist ({@code gstreamer.GstNative.nameFormats}).
 */
@Timeout(60)
class FrameGrabberWithoutGStreamerTest {
    @Test
    void openingSaysGStreamerIsNotInstalledEveryTime() throws Exception {
        List<String> lines = runProbe();

        assertEquals(2, lines.size(), String.join("\n", lines));
        for (String line : lines) {
            assertTrue(line.contains(" GSTREAMER_MISSING GStreamer 1.22 is not installed"), line);
            assertTrue(line.endsWith("; run make deps"), line);
        }
    }

    private static List<String> runProbe() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(
                        java.toString(),
                        "-Dgstreamer.GstNative.nameFormats=%s-0.404",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=off",
                        "-cp",
                        System.getProperty("java.class.path"),
                        WithoutGStreamerProbe.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new IllegalStateException("the probe did not finish");
        }
        return output.lines().filter(line -> line.startsWith("attempt ")).toList();
    }
}
