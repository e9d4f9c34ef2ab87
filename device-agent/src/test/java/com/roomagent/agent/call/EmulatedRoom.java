package com.roomagent.agent.call;

import com.roomagent.agent.hardware.HalEvents;
import com.roomagent.av.media.MediaException;
import com.roomagent.av.media.MediaSessionSettings;
import com.roomagent.hal.RoomHardware;
import com.roomagent.hal.profile.BoardProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One room for media path tests: an emulated board (Pi4J mock platform, its own fake system root,
 * 320x240@15 as {@link TwoRooms}) whose calls start a real {@link CallMedia}, counting every start
 * so a test can tell that the pipeline was not restarted.
 */
public final class EmulatedRoom implements AutoCloseable {
    private final HalEvents events = new HalEvents();
    private final RoomHardware hal;
    private final BoardProfile profile = TwoRooms.smallEmulatedProfile();
    private final List<CallMedia> started = Collections.synchronizedList(new ArrayList<>());

    public EmulatedRoom(Path dir) throws IOException {
        FakeSystemRoot system = new FakeSystemRoot(dir);
        hal = RoomHardware.builder(profile)
                .systemRoot(system.root())
                .listener(events)
                .start();
    }

    /** Starts a call's media as the daemon does, with short RTCP intervals. */
    public CallMedia start(CallMediaRequest request) throws MediaException {
        CallMedia media = CallMedia.start(
                request,
                CallMediaPlan.of(profile, hal.selection(), VideoSourceMode.AUTO, element -> true),
                hal,
                events,
                EmulatedRoom::quick,
                Clock.systemUTC());
        started.add(media);
        return media;
    }

    /** Every media started in this room, in order. */
    public List<CallMedia> started() {
        return List.copyOf(started);
    }

    /** Far-end video frames decoded by {@code call}. */
    public static long frames(CallMedia call) {
        return call.status().received().videoFrames();
    }

    private static MediaSessionSettings.Builder quick(MediaSessionSettings.Builder settings) {
        return settings.rtcpInterval(Duration.ofMillis(300))
                .bitrateAdaptationInterval(Duration.ofMillis(300))
                .captureRetryInterval(Duration.ofMillis(200));
    }

    @Override
    public void close() {
        synchronized (started) {
            started.forEach(CallMedia::close);
        }
        hal.close();
    }
}
