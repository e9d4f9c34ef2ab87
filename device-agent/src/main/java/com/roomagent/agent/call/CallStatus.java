package com.roomagent.agent.call;

import com.roomagent.av.media.AudioSource;
import com.roomagent.av.media.DecodedMedia;
import com.roomagent.av.media.MediaStatistics;
import com.roomagent.av.media.StreamStatistics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A call's media as the status, the report and metrics show it (R20): the control protocol's
 * {@code call} object. Immutable; {@link CallMedia#status()} takes a new one each time.
 *
 * @param callId the call's identifier, as signaling named it
 * @param state {@code active} while the session runs, {@code ended} once closed
 * @param startedAt when the media started
 * @param transport what carries the flow now: {@code udp}, {@code tcp} or {@code tls}
 * @param microphoneMuted whether the far end hears silence (the HAL's mute: button, LED and control socket agree)
 * @param video whether video is sent, from what, and the status line
 * @param audio whether the microphone is captured and the speaker played, from and to what, and
 *     their status lines
 * @param encoder the H.264 encoder in use ({@code x264enc} or the hardware element)
 * @param encoderNote why the board's own encoder is not used, when it is not
 * @param videoFormat the size and rate sent, for example {@code 1280x720@30}
 * @param videoTargetKbps the video encoder's bitrate target now (R21)
 * @param streams the four RTP streams, from RTCP: video and audio, sent and received
 * @param received what has been decoded of the far end
 * @param ignoredPackets packets from the channel that were not SRTP (STUN, DTLS: the media path's)
 * @param sendFailures packets the channel refused to send (closed, failed over)
 * @param elementFailure the last pipeline element that failed while playing, with GStreamer's
 *     message ({@code alsasrc: Could not open audio device for recording.}); null when none did
 */
public record CallStatus(
        String callId,
        String state,
        Instant startedAt,
        String transport,
        boolean microphoneMuted,
        Video video,
        Audio audio,
        String encoder,
        String encoderNote,
        String videoFormat,
        int videoTargetKbps,
        List<Stream> streams,
        Received received,
        long ignoredPackets,
        long sendFailures,
        String elementFailure) {

    public CallStatus {
        Objects.requireNonNull(callId, "callId");
        streams = List.copyOf(streams);
    }

    /**
     * @param sending whether the camera's frames are sent (otherwise the far end sees black)
     * @param source {@code camera /dev/video0}, {@code test-pattern}, or {@code none}
     * @param shutterClosed whether the privacy shutter is closed
     * @param text the status line: {@code video sending: ...} or {@code video stopped: <reason>}
     */
    public record Video(boolean sending, String source, boolean shutterClosed, String text) {}

    /**
     * @param capturing whether the microphone is captured (otherwise the far end hears silence)
     * @param microphone {@code alsa hw:CARD=..,DEV=..} or {@code test-tone}
     * @param text the microphone's status line: {@code audio sending: ...} or {@code audio stopped: <reason>}
     * @param playing whether the speaker plays (otherwise the room hears nothing; the call goes on)
     * @param speaker the sink and its device: {@code alsasink hw:CARD=..,DEV=..}, {@code fakesink}
     * @param playbackText the speaker's status line: {@code playback: ...} or {@code playback stopped: <reason>}
     */
    public record Audio(
            boolean capturing, String microphone, String text, boolean playing, String speaker, String playbackText) {
        static Audio of(AudioDecision decision, String microphoneProblem, String speakerProblem) {
            String source =
                    decision.microphone() instanceof AudioSource.Alsa alsa ? "alsa " + alsa.device() : "test-tone";
            String sink = decision.speaker().sinkElement()
                    + decision.speaker().device().map(device -> " " + device).orElse("");
            boolean capturing = decision.capturing() && microphoneProblem == null;
            boolean playing = decision.playing() && speakerProblem == null;
            return new Audio(
                    capturing,
                    source,
                    decision.capturing() && microphoneProblem != null
                            ? "audio stopped: " + microphoneProblem
                            : decision.microphoneText(),
                    playing,
                    sink,
                    decision.playing() && speakerProblem != null
                            ? "playback stopped: " + speakerProblem
                            : decision.speakerText());
        }
    }

    /**
     * One RTP stream. Loss, jitter and round-trip time of a sent stream are what the far end
     * reported about it; of a received stream, what this device measured.
     *
     * @param kind {@code video} or {@code audio}
     * @param direction {@code sent} or {@code received}
     * @param ssrc the stream's SSRC
     * @param packets RTP packets
     * @param bytes RTP payload bytes
     * @param bitrateKbps payload bitrate now, kbit/s
     * @param packetsLost cumulative
     * @param fractionLost 0..1, in the last report interval
     * @param jitterMs interarrival jitter, milliseconds
     * @param roundTripMs sent streams, once the far end answered a sender report; null otherwise
     * @param undecryptablePackets received streams: packets SRTP refused
     */
    public record Stream(
            String kind,
            String direction,
            long ssrc,
            long packets,
            long bytes,
            double bitrateKbps,
            long packetsLost,
            double fractionLost,
            double jitterMs,
            Double roundTripMs,
            long undecryptablePackets) {

        static Stream of(StreamStatistics stats) {
            return new Stream(
                    stats.kind().name().toLowerCase(Locale.ROOT),
                    stats.direction().name().toLowerCase(Locale.ROOT),
                    stats.ssrc(),
                    stats.packets(),
                    stats.bytes(),
                    stats.bitrateBitsPerSecond() / 1000.0,
                    stats.packetsLost(),
                    stats.fractionLost(),
                    millis(stats.jitter()),
                    stats.roundTripTime().map(CallStatus::millis).orElse(null),
                    stats.undecryptablePackets());
        }
    }

    /**
     * @param videoFrames far-end frames decoded
     * @param videoLuma the last decoded frame's mean luma, 0..255 (about 16 is black); null before any
     * @param audioLevelReports 100 ms measurements of far-end audio as received
     * @param audioLevelDb the last RMS level of far-end audio, dBFS; null before any
     * @param speakerLevelReports 100 ms measurements of what the speaker played (none while unplugged)
     * @param speakerLevelDb the last of them, dBFS; null before any
     */
    public record Received(
            long videoFrames,
            Double videoLuma,
            long audioLevelReports,
            Double audioLevelDb,
            long speakerLevelReports,
            Double speakerLevelDb) {
        static Received of(DecodedMedia decoded) {
            return new Received(
                    decoded.videoFrames(),
                    decoded.lastFrameMeanLuma().isPresent()
                            ? decoded.lastFrameMeanLuma().getAsDouble()
                            : null,
                    decoded.audioLevelReports(),
                    decoded.lastAudioRmsDecibels().isPresent()
                            ? decoded.lastAudioRmsDecibels().getAsDouble()
                            : null,
                    decoded.speakerLevelReports(),
                    decoded.lastSpeakerRmsDecibels().isPresent()
                            ? decoded.lastSpeakerRmsDecibels().getAsDouble()
                            : null);
        }
    }

    static List<Stream> streams(MediaStatistics statistics) {
        return statistics.streams().stream().map(Stream::of).toList();
    }

    /** The stream of that kind and direction ({@code video}/{@code audio}, {@code sent}/{@code received}). */
    public Stream stream(String kind, String direction) {
        return streams.stream()
                .filter(s -> s.kind().equals(kind) && s.direction().equals(direction))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + direction + " " + kind + " stream"));
    }

    /** Lines for people: {@code room-agent status} and the report's text. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("call ")
                .append(callId)
                .append(" (")
                .append(state)
                .append(", ")
                .append(transport)
                .append(", since ")
                .append(startedAt)
                .append(")\n");
        out.append("  microphone: ").append(microphoneMuted ? "muted" : "live").append('\n');
        out.append("  ").append(video.text()).append('\n');
        out.append("  ").append(audio.text()).append('\n');
        out.append("  ").append(audio.playbackText()).append('\n');
        out.append("  video: ")
                .append(videoFormat)
                .append(" ")
                .append(encoder)
                .append(" target ")
                .append(videoTargetKbps)
                .append(" kbit/s");
        if (encoderNote != null) {
            out.append(" (").append(encoderNote).append(')');
        }
        out.append('\n');
        if (elementFailure != null) {
            out.append("  failed: ").append(elementFailure).append('\n');
        }
        for (Stream s : streams) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-5s %-8s packets %d, %.0f kbit/s, lost %d (%.1f %%), jitter %.1f ms%s%n",
                    s.kind(),
                    s.direction(),
                    s.packets(),
                    s.bitrateKbps(),
                    s.packetsLost(),
                    s.fractionLost() * 100,
                    s.jitterMs(),
                    s.roundTripMs() == null ? "" : String.format(Locale.ROOT, ", rtt %.0f ms", s.roundTripMs())));
        }
        return out.toString();
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1_000_000.0;
    }
}
