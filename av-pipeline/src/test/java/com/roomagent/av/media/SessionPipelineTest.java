package com.roomagent.av.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.av.camera.CameraSource;
import com.roomagent.av.gst.AppSinkPipeline.Property;
import com.roomagent.av.srtp.SrtpKeys;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pipeline text: what is in it, and what never is. */
class SessionPipelineTest {
    private static final SsrcPlan SSRCS = new SsrcPlan(11, 12, 21, 22);
    private static final SrtpKeys KEYS = SrtpKeys.of(
            HexFormat.of().parseHex("00112233445566778899aabbccddeeff"),
            HexFormat.of().parseHex("0123456789abcdef0123456789ab"));

    @Test
    void theSessionSendsH264AndOpusWithOurSsrcsThroughOneSrtpencIntoThePacketsAppsink() {
        String text = session(MediaSessionSettings.builder(SSRCS).build());

        assertTrue(text.contains("x264enc name=videoencoder tune=zerolatency speed-preset=ultrafast threads=1"), text);
        assertTrue(text.contains("bitrate=1000 key-int-max=300"), text);
        assertTrue(text.contains("rtph264pay name=videopay pt=96 ssrc=11 config-interval=-1 mtu=1200"), text);
        assertTrue(text.contains("rtpopuspay name=audiopay pt=111 ssrc=12"), text);
        assertTrue(text.contains("rtpbin name=rtpbin latency=100 do-lost=true rtp-profile=avpf"), text);
        assertTrue(text.contains("funnel name=outgoing ! appsink name=packets"), text);
        assertEquals(1, count(text, "srtpenc name="), text);
    }

    @Test
    void eachMediumHasTwoKeySlotsAndPlaysTheFarEndsSsrc() {
        String text = session(MediaSessionSettings.builder(SSRCS).build());

        assertEquals(4, count(text, "srtpdec name="), text);
        assertTrue(text.contains("appsrc name=incoming_video_1 is-live=true format=time do-timestamp=true"), text);
        assertTrue(text.contains("rtpbin.recv_rtp_src_0_21_96 ! rtph264depay request-keyframe=true"), text);
        assertTrue(text.contains("rtpbin.recv_rtp_src_1_22_111 ! rtpopusdepay"), text);
        assertTrue(text.contains("openh264dec name=videodecoder"), text);
    }

    @Test
    void noKeyMaterialIsEverPartOfADescription() {
        String text = session(MediaSessionSettings.builder(SSRCS).build());

        assertFalse(text.contains("srtp-key"), text);
        assertFalse(text.contains(" key="), text);
        assertFalse(text.contains("00112233"), text);
    }

    @Test
    void receiveCapsCarryTheKeyThenSaltForTheFarEndsSsrc() {
        String caps = SessionPipeline.receiveCaps(MediaKind.VIDEO, 21, KEYS);

        assertTrue(caps.startsWith("application/x-srtp,media=(string)video,clock-rate=(int)90000"), caps);
        assertTrue(caps.contains(",ssrc=(uint)21,rtcp-fb-nack-pli=(boolean)true"), caps);
        assertTrue(
                caps.contains("srtp-key=(buffer)00112233445566778899aabbccddeeff0123456789abcdef0123456789ab"), caps);
        assertTrue(caps.endsWith("srtcp-cipher=(string)aes-128-icm,srtcp-auth=(string)hmac-sha1-80"), caps);
        assertTrue(SessionPipeline.receiveCaps(MediaKind.AUDIO, 22, KEYS).contains("encoding-name=(string)OPUS"));
    }

    @Test
    void aHardwareEncoderReplacesX264() {
        MediaSessionSettings settings = MediaSessionSettings.builder(SSRCS)
                .video(VideoSettings.hd720p30(CameraSource.testPattern())
                        .withEncoder(VideoEncoder.hardware("v4l2h264enc")))
                .build();

        String text = session(settings);

        assertTrue(text.contains("v4l2h264enc name=videoencoder ! video/x-h264,profile=constrained-baseline"), text);
        assertFalse(text.contains("x264enc"), text);
    }

    @Test
    void realOutputsAreNamedElementsAndTheAudioDevicesPlayInPipelinesOfTheirOwn() {
        MediaSessionSettings settings = MediaSessionSettings.builder(SSRCS)
                .audio(AudioSettings.of(AudioSource.alsa("hw:1,0")))
                .playback(new PlaybackSettings(
                        "v4l2h264dec",
                        VideoOutput.display("kmssink"),
                        AudioOutput.device("alsasink"),
                        PlaybackSettings.DEFAULT_JITTER_BUFFER_LATENCY))
                .build();

        SessionPipeline.Plan plan = SessionPipeline.session(settings, "channel", 1000);

        assertTrue(plan.description().contains("kmssink name=display"), plan.description());
        assertTrue(
                plan.description().contains("interaudiosrc name=microphoneinput channel=channel-microphone"),
                plan.description());
        assertTrue(
                plan.description().contains("interaudiosink name=speakerfeed channel=channel-speaker"),
                plan.description());
        assertFalse(plan.description().contains("alsasrc"), plan.description());
        assertFalse(plan.description().contains("alsasink"), plan.description());
        assertEquals(List.of(), plan.properties());
    }

    @Test
    void theMicrophoneIsCapturedIntoItsChannelWithTheDeviceAsAProperty() {
        SessionPipeline.Plan plan = SessionPipeline.microphone(AudioSource.alsa("hw:CARD=C920,DEV=0"), "c-microphone");

        assertTrue(plan.description().startsWith("alsasrc name=alsasrc ! audioconvert"), plan.description());
        assertTrue(
                plan.description()
                        .endsWith(SessionPipeline.INTER_AUDIO_CAPS
                                + " ! interaudiosink name=microphonesink channel=c-microphone async=false"),
                plan.description());
        assertEquals(List.of(new Property("alsasrc", "device", "hw:CARD=C920,DEV=0")), plan.properties());
        assertTrue(SessionPipeline.microphone(AudioSource.testTone(), "c")
                .description()
                .startsWith("audiotestsrc name=audiotestsrc is-live=true"));
    }

    @Test
    void theSpeakerPlaysFromItsChannelThroughALevelIntoTheSinkOnItsDevice() {
        SessionPipeline.Plan plan =
                SessionPipeline.speaker(AudioOutput.device("alsasink", "hw:CARD=C920,DEV=0"), "c-speaker");

        assertTrue(
                plan.description().startsWith("interaudiosrc name=speakerinput channel=c-speaker"), plan.description());
        assertTrue(
                plan.description()
                        .endsWith("level name=speakerlevel interval=100000000 post-messages=true"
                                + " ! alsasink name=alsasink"),
                plan.description());
        assertEquals(List.of(new Property("alsasink", "device", "hw:CARD=C920,DEV=0")), plan.properties());
        assertEquals(
                List.of(),
                SessionPipeline.speaker((AudioOutput.Device) AudioOutput.device("fakesink"), "c")
                        .properties());
    }

    @Test
    void captureScalesTheCameraToTheSessionsFormatIntoItsChannel() {
        VideoSettings video = VideoSettings.hd720p30(CameraSource.imageFile(Path.of("/srv/slide.png")));

        SessionPipeline.Plan plan = SessionPipeline.capture(video, "room-agent-av-media-1");

        assertTrue(plan.description().startsWith("filesrc name=filesrc ! decodebin"), plan.description());
        assertTrue(
                plan.description()
                        .endsWith("video/x-raw,format=I420,width=1280,height=720,pixel-aspect-ratio=1/1,framerate=30/1"
                                + " ! intervideosink name=capturesink channel=room-agent-av-media-1"),
                plan.description());
        assertEquals(List.of(new Property("filesrc", "location", "/srv/slide.png")), plan.properties());
    }

    @Test
    void aTestMayStartTheVideoSequenceNumbersNearTheWrap() {
        String text = session(MediaSessionSettings.builder(SSRCS)
                .firstVideoSequenceNumber(65_500)
                .build());

        assertTrue(text.contains("seqnum-offset=65500"), text);
        assertFalse(session(MediaSessionSettings.builder(SSRCS).build()).contains("seqnum-offset"));
    }

    private static String session(MediaSessionSettings settings) {
        return SessionPipeline.session(settings, "channel", 1000).description();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
