package com.roomagent.av.media;

import com.roomagent.av.camera.CameraPipeline;
import com.roomagent.av.gst.AppSinkPipeline.Property;
import com.roomagent.av.srtp.SrtpKeys;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The GStreamer pipelines of a media session, as {@code gst-launch} text. Pure: builds text,
 * starts nothing. No key material is ever part of a description (keys are set as properties and
 * caps after parsing, see {@link #receiveCaps}), so descriptions may be logged.
 *
 * <p>Two pipelines per session (docs/av-pipeline.md has the element-by-element reasons):
 *
 * <ul>
 *   <li>the <b>capture</b> pipeline: camera to raw I420 at the session's size and rate, into an
 *       {@code intervideosink}; restarted on its own when the camera is lost or switched off;
 *   <li>the <b>session</b> pipeline: {@code intervideosrc} and the microphone through the encoders
 *       and payloaders into one {@code rtpbin} (session 0 video, session 1 audio), one {@code
 *       srtpenc} for everything sent, a {@code funnel} into the {@code appsink} "packets"; and back:
 *       per medium two key slots ({@code appsrc ! srtpdec}, see {@link KeySlots}) into a funnel per
 *       RTP and RTCP, {@code rtpbin}'s jitter buffer, depayloader, decoder and outputs.
 * </ul>
 */
final class SessionPipeline {
    static final int VIDEO_PAYLOAD_TYPE = 96;
    static final int AUDIO_PAYLOAD_TYPE = 111;
    /** Packets stay below a 1280-byte path MTU with IPv6, TCP framing, TLS and the SRTP tag. */
    static final int RTP_MTU = 1200;
    /** How long {@code intervideosrc} repeats the last frame before it sends black ones. */
    static final long CAPTURE_GAP_NANOS = 500_000_000L;
    /** Two key slots per medium: current and previous keys (see {@link KeySlots}). */
    static final int KEY_SLOTS = 2;

    static final String RTPBIN = "rtpbin";
    static final String SRTP_ENCODER = "srtpenc";
    static final String PACKETS = "packets";
    static final String VIDEO_ENCODER = "videoencoder";
    static final String VIDEO_DECODER = "videodecoder";
    static final String MICROPHONE = "microphone";
    /** The microphone pipeline's source, named after its factory so that errors say what failed. */
    static final String ALSA_SOURCE = "alsasrc";

    static final String TEST_TONE_SOURCE = "audiotestsrc";
    static final String FRAMES = "frames";
    static final String LEVEL = "level";
    static final String CAPTURE_SINK = "capturesink";
    /** The microphone pipeline's {@code interaudiosink}, and the session's {@code interaudiosrc} reading it. */
    static final String MICROPHONE_SINK = "microphonesink";

    static final String MICROPHONE_INPUT = "microphoneinput";
    /** The session's {@code interaudiosink} towards the speaker pipeline, and that pipeline's parts. */
    static final String SPEAKER_FEED = "speakerfeed";

    static final String SPEAKER_INPUT = "speakerinput";
    static final String SPEAKER_LEVEL = "speakerlevel";
    /**
     * What the inter-pipeline audio channels carry: mono 16-bit 48 kHz, the Opus rate. Both ends
     * use it, so {@code interaudiosrc} never renegotiates when its sink comes and goes.
     */
    static final String INTER_AUDIO_CAPS = "audio/x-raw,format=S16LE,layout=interleaved,rate=48000,channels=1";
    /**
     * {@code interaudiosrc} hands out 10 ms at a time and reports 40 ms of latency (its defaults,
     * 25 ms and 100 ms, add a tenth of a second to the mouth-to-ear delay).
     */
    private static final String INTER_AUDIO_TIMING = " period-time=10000000 latency-time=40000000";

    /** Caps fields of the only SRTP profile (RFC 5764 section 4.1.2), in {@code srtpdec}'s words. */
    private static final String SRTP_PROFILE_CAPS = ",srtp-cipher=(string)aes-128-icm,srtp-auth=(string)hmac-sha1-80"
            + ",srtcp-cipher=(string)aes-128-icm,srtcp-auth=(string)hmac-sha1-80";

    /** A description and the properties to set on it before it plays. */
    record Plan(String description, List<Property> properties) {}

    private SessionPipeline() {}

    /** The appsrc of key slot {@code slot} of {@code kind}'s incoming packets. */
    static String incoming(MediaKind kind, int slot) {
        return "incoming_" + name(kind) + "_" + slot;
    }

    /** The srtpdec of key slot {@code slot} of {@code kind}. */
    static String decryptor(MediaKind kind, int slot) {
        return "srtpdec_" + name(kind) + "_" + slot;
    }

    /** The capture pipeline: {@code camera} to I420 at the session's size and rate, into {@code channel}. */
    static Plan capture(VideoSettings video, String channel) {
        CameraPipeline.Head head = CameraPipeline.head(video.camera(), video.framesPerSecond());
        String description = head.description()
                + " ! videoconvert ! videoscale ! videorate ! " + rawVideoCaps(video)
                + " ! intervideosink name=" + CAPTURE_SINK + " channel=" + channel;
        return new Plan(description, head.properties());
    }

    /** The microphone channel between the microphone pipeline and a session whose camera channel is {@code channel}. */
    static String microphoneChannel(String channel) {
        return channel + "-microphone";
    }

    /** The speaker channel between a session whose camera channel is {@code channel} and its speaker pipeline. */
    static String speakerChannel(String channel) {
        return channel + "-speaker";
    }

    /**
     * The microphone pipeline: {@code source} as mono 48 kHz into the {@code interaudiosink} of
     * {@code channel}. The session reads it with {@code interaudiosrc}, which plays silence when
     * nothing arrives, so a microphone that fails, vanishes or is switched off never stops the call.
     */
    static Plan microphone(AudioSource source, String channel) {
        List<Property> properties = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if (source instanceof AudioSource.Alsa alsa) {
            text.append("alsasrc name=").append(ALSA_SOURCE);
            properties.add(new Property(ALSA_SOURCE, "device", alsa.device()));
        } else {
            text.append("audiotestsrc name=")
                    .append(TEST_TONE_SOURCE)
                    .append(" is-live=true wave=sine freq=440 volume=0.5");
        }
        text.append(" ! audioconvert ! audioresample ! ")
                .append(INTER_AUDIO_CAPS)
                .append(" ! interaudiosink name=")
                .append(MICROPHONE_SINK)
                .append(" channel=")
                .append(channel)
                .append(" async=false");
        return new Plan(text.toString(), properties);
    }

    /**
     * The speaker pipeline: the far end's decoded audio from the {@code interaudiosrc} of {@code
     * channel} to {@code output}'s sink, measured by a {@code level} element on the way (what the
     * room hears). Closed while the speaker is unplugged: the session's {@code interaudiosink}
     * then drops what nobody reads.
     */
    static Plan speaker(AudioOutput.Device output, String channel) {
        List<Property> properties = new ArrayList<>();
        String sink = output.sinkElement(); // named after its factory, so that errors say what failed
        output.device().ifPresent(device -> properties.add(new Property(sink, "device", device)));
        String text = "interaudiosrc name=" + SPEAKER_INPUT + " channel=" + channel + INTER_AUDIO_TIMING + " ! "
                + INTER_AUDIO_CAPS + " ! audioconvert ! audioresample ! level name=" + SPEAKER_LEVEL
                + " interval=100000000 post-messages=true ! " + sink + " name=" + sink;
        return new Plan(text, properties);
    }

    /** The session pipeline, its video encoder starting at {@code videoKbps}. */
    static Plan session(MediaSessionSettings settings, String captureChannel, int videoKbps) {
        StringBuilder text = new StringBuilder();
        List<Property> properties = new ArrayList<>();
        PlaybackSettings playback = settings.playback();
        text.append("rtpbin name=")
                .append(RTPBIN)
                .append(" latency=")
                .append(playback.jitterBufferLatency().toMillis())
                .append(" do-lost=true rtp-profile=avpf ");
        appendVideoSend(text, settings, captureChannel, videoKbps);
        appendAudioSend(text, settings, microphoneChannel(captureChannel));
        appendSrtpOut(text);
        for (MediaKind kind : MediaKind.values()) {
            appendReceive(text, kind);
        }
        appendVideoPlayback(text, settings);
        appendAudioPlayback(text, settings, speakerChannel(captureChannel));
        return new Plan(text.toString().strip(), properties);
    }

    /**
     * The caps of a key slot's appsrc: the far end's stream of {@code kind} from {@code ssrc},
     * protected with {@code keys}. {@code srtpdec} builds its crypto context for that SSRC from them
     * when the next packet carries them downstream. Contains key material: never log it.
     */
    static String receiveCaps(MediaKind kind, long ssrc, SrtpKeys keys) {
        byte[] keyThenSalt = keys.keyThenSalt();
        try {
            return "application/x-srtp," + rtpCapsFields(kind, ssrc) + ",srtp-key=(buffer)"
                    + HexFormat.of().formatHex(keyThenSalt) + SRTP_PROFILE_CAPS;
        } finally {
            java.util.Arrays.fill(keyThenSalt, (byte) 0);
        }
    }

    private static String rtpCapsFields(MediaKind kind, long ssrc) {
        return kind == MediaKind.VIDEO
                ? "media=(string)video,clock-rate=(int)90000,encoding-name=(string)H264,payload=(int)"
                        + VIDEO_PAYLOAD_TYPE + ",ssrc=(uint)" + ssrc + ",rtcp-fb-nack-pli=(boolean)true"
                : "media=(string)audio,clock-rate=(int)48000,encoding-name=(string)OPUS,payload=(int)"
                        + AUDIO_PAYLOAD_TYPE + ",ssrc=(uint)" + ssrc;
    }

    private static String rawVideoCaps(VideoSettings video) {
        return "video/x-raw,format=I420,width=" + video.width() + ",height=" + video.height()
                + ",pixel-aspect-ratio=1/1,framerate=" + video.framesPerSecond() + "/1";
    }

    private static void appendVideoSend(
            StringBuilder text, MediaSessionSettings settings, String channel, int videoKbps) {
        VideoSettings video = settings.video();
        text.append("intervideosrc name=camera channel=")
                .append(channel)
                .append(" timeout=")
                .append(CAPTURE_GAP_NANOS)
                .append(" ! ")
                .append(rawVideoCaps(video))
                .append(" ! queue max-size-buffers=2 max-size-bytes=0 max-size-time=0 leaky=downstream ! ");
        if (video.encoder() instanceof VideoEncoder.Hardware hardware) {
            text.append(hardware.elementName())
                    .append(" name=")
                    .append(VIDEO_ENCODER)
                    .append(" ! video/x-h264,profile=constrained-baseline ! h264parse");
        } else {
            // One thread, so one slice per picture: openh264dec drops multi-slice pictures that
            // went through RTP (measured with GStreamer 1.22); tune=zerolatency: no B-frames, no lookahead.
            text.append("x264enc name=")
                    .append(VIDEO_ENCODER)
                    .append(" tune=zerolatency speed-preset=ultrafast threads=1 aud=false")
                    .append(" bitrate=")
                    .append(videoKbps)
                    .append(" key-int-max=")
                    .append(video.keyframeDistance())
                    .append(" ! video/x-h264,profile=constrained-baseline");
        }
        text.append(" ! rtph264pay name=videopay pt=")
                .append(VIDEO_PAYLOAD_TYPE)
                .append(" ssrc=")
                .append(settings.ssrcs().localVideo())
                .append(" config-interval=-1 mtu=")
                .append(RTP_MTU);
        settings.firstVideoSequenceNumber()
                .ifPresent(first -> text.append(" seqnum-offset=").append(first));
        text.append(" ! rtpbin.send_rtp_sink_0 ");
    }

    private static void appendAudioSend(StringBuilder text, MediaSessionSettings settings, String channel) {
        AudioSettings audio = settings.audio();
        text.append("interaudiosrc name=")
                .append(MICROPHONE_INPUT)
                .append(" channel=")
                .append(channel)
                .append(INTER_AUDIO_TIMING)
                .append(" ! ")
                .append(INTER_AUDIO_CAPS)
                .append(" ! volume name=")
                .append(MICROPHONE)
                .append(" ! opusenc name=audioencoder frame-size=20 bitrate=")
                .append(audio.bitrateBitsPerSecond())
                .append(" ! rtpopuspay name=audiopay pt=")
                .append(AUDIO_PAYLOAD_TYPE)
                .append(" ssrc=")
                .append(settings.ssrcs().localAudio())
                .append(" ! rtpbin.send_rtp_sink_1 ");
    }

    private static void appendSrtpOut(StringBuilder text) {
        text.append("srtpenc name=")
                .append(SRTP_ENCODER)
                .append(
                        " rtp-cipher=aes-128-icm rtp-auth=hmac-sha1-80 rtcp-cipher=aes-128-icm rtcp-auth=hmac-sha1-80 ");
        for (MediaKind kind : MediaKind.values()) {
            int session = kind.rtpSession();
            text.append("rtpbin.send_rtp_src_")
                    .append(session)
                    .append(" ! srtpenc.rtp_sink_")
                    .append(session)
                    .append(' ');
            text.append("rtpbin.send_rtcp_src_")
                    .append(session)
                    .append(" ! srtpenc.rtcp_sink_")
                    .append(session)
                    .append(' ');
        }
        text.append("funnel name=outgoing ! appsink name=")
                .append(PACKETS)
                .append(" emit-signals=true sync=false async=false enable-last-sample=false ");
        for (MediaKind kind : MediaKind.values()) {
            int session = kind.rtpSession();
            text.append("srtpenc.rtp_src_").append(session).append(" ! outgoing. ");
            text.append("srtpenc.rtcp_src_").append(session).append(" ! outgoing. ");
        }
    }

    private static void appendReceive(StringBuilder text, MediaKind kind) {
        String rtpFunnel = "rtp_" + name(kind);
        String rtcpFunnel = "rtcp_" + name(kind);
        text.append("funnel name=")
                .append(rtpFunnel)
                .append(" ! rtpbin.recv_rtp_sink_")
                .append(kind.rtpSession())
                .append(' ');
        text.append("funnel name=")
                .append(rtcpFunnel)
                .append(" ! rtpbin.recv_rtcp_sink_")
                .append(kind.rtpSession())
                .append(' ');
        for (int slot = 0; slot < KEY_SLOTS; slot++) {
            String decryptor = decryptor(kind, slot);
            // srtpdec's RTP pad also takes SRTCP (RFC 5761 multiplexing) and sends it out of rtcp_src.
            text.append("appsrc name=")
                    .append(incoming(kind, slot))
                    .append(" is-live=true format=time do-timestamp=true max-bytes=1000000 leaky-type=downstream")
                    .append(" ! ")
                    .append(decryptor)
                    .append(".rtp_sink ");
            text.append("srtpdec name=").append(decryptor).append(' ');
            text.append(decryptor).append(".rtp_src ! ").append(rtpFunnel).append(". ");
            text.append(decryptor).append(".rtcp_src ! ").append(rtcpFunnel).append(". ");
        }
    }

    private static void appendVideoPlayback(StringBuilder text, MediaSessionSettings settings) {
        PlaybackSettings playback = settings.playback();
        text.append("rtpbin.recv_rtp_src_0_")
                .append(settings.ssrcs().remoteVideo())
                .append('_')
                .append(VIDEO_PAYLOAD_TYPE)
                .append(" ! rtph264depay request-keyframe=true wait-for-keyframe=false ! h264parse ! ")
                .append(playback.videoDecoder())
                .append(" name=")
                .append(VIDEO_DECODER)
                .append(" ! videoconvert ! video/x-raw,format=I420 ! ");
        String frames = "appsink name=" + FRAMES
                + " emit-signals=true max-buffers=1 drop=true sync=false async=false enable-last-sample=false ";
        if (playback.video() instanceof VideoOutput.Display display) {
            text.append("tee name=videotee ! queue ! ")
                    .append(display.sinkElement())
                    .append(" name=display async=false videotee. ! queue leaky=downstream max-size-buffers=1 ! ")
                    .append(frames);
        } else {
            text.append(frames);
        }
    }

    private static void appendAudioPlayback(StringBuilder text, MediaSessionSettings settings, String channel) {
        text.append("rtpbin.recv_rtp_src_1_")
                .append(settings.ssrcs().remoteAudio())
                .append('_')
                .append(AUDIO_PAYLOAD_TYPE)
                .append(" ! rtpopusdepay ! opusdec plc=true ! audioconvert ! level name=")
                .append(LEVEL)
                .append(" interval=100000000 post-messages=true ! ");
        if (settings.playback().audio() instanceof AudioOutput.Device) {
            // The speaker plays in a pipeline of its own (speaker(...)), so a speaker that fails or
            // is unplugged never stops the jitter buffer, the level or the RTCP of this one.
            text.append("audioresample ! ")
                    .append(INTER_AUDIO_CAPS)
                    .append(" ! interaudiosink name=")
                    .append(SPEAKER_FEED)
                    .append(" channel=")
                    .append(channel)
                    .append(" sync=false async=false");
        } else {
            text.append("fakesink sync=false async=false");
        }
    }

    private static String name(MediaKind kind) {
        return kind == MediaKind.VIDEO ? "video" : "audio";
    }
}
