package com.roomagent.av.gst;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.av.gst.AppSinkPipeline.AtEnd;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The adapter: bytes in through appsrc, bytes out of appsink, properties, caps, stats and bus reports. */
@Timeout(30)
class LivePipelineTest {
    private static final Duration PLAY = Duration.ofSeconds(5);
    private static final String KEY = "00112233445566778899aabbccddeeff0123456789abcdef0123456789ab";
    private static final String APPSRC = "appsrc name=in is-live=true format=time do-timestamp=true";
    private static final String APPSINK = "appsink name=out emit-signals=true sync=false async=false";

    @Test
    void packetsPushedIntoAnAppsrcComeOutOfTheAppsinkUnchanged() throws Exception {
        Recording recording = new Recording();
        try (LivePipeline pipeline = LivePipeline.create(APPSRC + " ! " + APPSINK, AtEnd.REPORT, recording)) {
            pipeline.declareAppSrc("in");
            pipeline.onSamples("out", recording::sample);
            assertFalse(pipeline.push("in", new byte[] {0}), "a push before PLAYING is dropped");
            pipeline.play(PLAY);

            assertTrue(pipeline.push("in", new byte[] {1, 2, 3}));

            assertArrayEquals(new byte[] {1, 2, 3}, recording.samples.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void srtpencWithAKeyFromBytesAndSrtpdecWithTheKeyInCapsRoundTripAPacket() throws Exception {
        byte[] rtp = rtpPacket();
        Recording protectedSide = new Recording();
        Recording clearSide = new Recording();
        String rtpCaps = "application/x-rtp,media=(string)audio,clock-rate=(int)48000,encoding-name=(string)OPUS"
                + ",payload=(int)111,ssrc=(uint)4660";
        try (LivePipeline encrypt =
                        LivePipeline.create(APPSRC + " ! srtpenc name=enc ! " + APPSINK, AtEnd.REPORT, protectedSide);
                LivePipeline decrypt =
                        LivePipeline.create(APPSRC + " ! srtpdec name=dec ! " + APPSINK, AtEnd.REPORT, clearSide)) {
            encrypt.setBytes("enc", "key", HexFormat.of().parseHex(KEY));
            encrypt.setCaps("in", rtpCaps);
            encrypt.onSamples("out", protectedSide::sample);
            decrypt.setCaps(
                    "in",
                    rtpCaps.replace("x-rtp", "x-srtp") + ",srtp-key=(buffer)" + KEY
                            + ",srtp-cipher=(string)aes-128-icm,srtp-auth=(string)hmac-sha1-80"
                            + ",srtcp-cipher=(string)aes-128-icm,srtcp-auth=(string)hmac-sha1-80");
            decrypt.onSamples("out", clearSide::sample);
            encrypt.play(PLAY);
            decrypt.play(PLAY);

            encrypt.push("in", rtp);
            byte[] srtp = protectedSide.samples.poll(5, TimeUnit.SECONDS);
            decrypt.push("in", srtp);
            byte[] clear = clearSide.samples.poll(5, TimeUnit.SECONDS);

            assertEquals(rtp.length + 10, srtp.length, "an 80-bit authentication tag is appended");
            assertArrayEquals(Arrays.copyOf(rtp, 12), Arrays.copyOf(srtp, 12), "the RTP header stays in the clear");
            assertNotEquals(
                    HexFormat.of().formatHex(rtp, 12, rtp.length),
                    HexFormat.of().formatHex(srtp, 12, rtp.length));
            assertArrayEquals(rtp, clear);
            Map<String, Object> stats = decrypt.structureProperty("dec", "stats");
            assertEquals(1L, stats.get("recv-count"));
            assertEquals(0L, stats.get("recv-drop-count"));
        }
    }

    @Test
    void aLevelElementReportsItsMeasurements() throws Exception {
        Recording recording = new Recording();
        try (LivePipeline pipeline = LivePipeline.create(
                "audiotestsrc is-live=true volume=0.5 ! audio/x-raw,channels=1 ! level name=meter interval=50000000"
                        + " ! fakesink sync=false async=false",
                AtEnd.REPORT,
                recording)) {
            pipeline.play(PLAY);

            double[] rms = recording.levels.poll(5, TimeUnit.SECONDS);
            assertEquals(1, rms.length);
            assertEquals(-9.0, rms[0], 0.5, "a sine at amplitude 0.5 is -9 dBFS RMS");
            assertEquals("meter", recording.levelElement);
        }
    }

    @Test
    void aFailureWhilePlayingIsReportedWithTheElementsNameAndGStreamersMessage() throws Exception {
        Recording recording = new Recording();
        try (LivePipeline pipeline = LivePipeline.create(
                APPSRC + " caps=audio/x-raw ! capsfilter caps=video/x-raw ! fakesink async=false",
                AtEnd.REPORT,
                recording)) {
            pipeline.declareAppSrc("in");
            pipeline.play(PLAY);

            pipeline.push("in", new byte[] {1, 2, 3, 4});

            String error = recording.errors.poll(5, TimeUnit.SECONDS);
            assertEquals("in: Internal data stream error.", error);
        }
    }

    @Test
    void aStructurePropertySetFromTextWhilePlayingIsReadBack() throws Exception {
        // rtpbin's sdes is a writable GstStructure property, as v4l2h264enc's extra-controls is.
        try (LivePipeline pipeline = LivePipeline.create(
                "rtpbin name=rtpbin audiotestsrc is-live=true ! fakesink async=false", AtEnd.REPORT, new Recording())) {
            pipeline.play(PLAY);

            pipeline.setStructure(
                    "rtpbin", "sdes", "application/x-rtp-source-sdes,cname=(string)room-7,tool=(string)t");

            Map<String, Object> sdes = pipeline.structureProperty("rtpbin", "sdes");
            assertEquals("room-7", sdes.get("cname"));
            assertEquals("t", sdes.get("tool"));
            assertThrows(
                    IllegalArgumentException.class, () -> pipeline.setStructure("rtpbin", "sdes", "not, a structure,"));
        }
    }

    @Test
    void aMissingElementIsRefusedWithItsName() {
        GstPipelineException e = assertThrows(
                GstPipelineException.class,
                () -> LivePipeline.create("videotestsrc ! nosuchencoder ! fakesink", AtEnd.REPORT, new Recording()));

        assertEquals(GstPipelineException.Stage.BUILD, e.stage());
        assertEquals(Optional.of("nosuchencoder"), e.elementName());
    }

    @Test
    void afterCloseAPushIsIgnoredAndReadsFail() throws Exception {
        LivePipeline pipeline = LivePipeline.create(APPSRC + " ! " + APPSINK, AtEnd.REPORT, new Recording());
        pipeline.declareAppSrc("in");
        pipeline.play(PLAY);
        pipeline.close();
        pipeline.close();

        assertFalse(pipeline.push("in", new byte[] {1}));
        assertThrows(GstPipelineException.class, () -> pipeline.structureProperty("out", "stats"));
    }

    /** An RTP packet: version 2, payload type 111, sequence 1, SSRC 0x1234, 20 payload bytes. */
    private static byte[] rtpPacket() {
        byte[] packet = new byte[32];
        packet[0] = (byte) 0x80;
        packet[1] = 111;
        packet[3] = 1;
        packet[10] = 0x12;
        packet[11] = 0x34;
        for (int i = 12; i < packet.length; i++) {
            packet[i] = (byte) i;
        }
        return packet;
    }

    /** Keeps what the pipeline reports. */
    private static final class Recording implements LivePipeline.Listener {
        final BlockingQueue<byte[]> samples = new LinkedBlockingQueue<>();
        final BlockingQueue<double[]> levels = new LinkedBlockingQueue<>();
        final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
        volatile String levelElement;

        void sample(java.nio.ByteBuffer data) {
            byte[] copy = new byte[data.remaining()];
            data.get(copy);
            samples.add(copy);
        }

        @Override
        public void onError(String elementName, String message) {
            errors.add(elementName + ": " + message);
        }

        @Override
        public void onEndOfStream() {}

        @Override
        public void onLevel(String elementName, double[] rmsDecibels) {
            levelElement = elementName;
            levels.add(rmsDecibels);
        }
    }
}
