package com.roomagent.hal.video;

import com.roomagent.hal.devices.VideoDevice;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Decides whether video may flow: never while the privacy shutter is closed (a person closed it to
 * be unseen, and the room should say so rather than send a black picture), never without a
 * camera. Tells its listener on every change.
 *
 * <p>Owned by the HAL's executor thread; {@link #status()} may be read from any thread.
 */
public final class VideoGate {
    private final Consumer<VideoStatus> onChange;
    private boolean shutterClosed;
    private Optional<VideoDevice> camera = Optional.empty();
    private volatile VideoStatus status = new VideoStatus(false, VideoStatus.NO_CAMERA);

    public VideoGate(Consumer<VideoStatus> onChange) {
        this.onChange = onChange;
    }

    public VideoStatus status() {
        return status;
    }

    public void shutterClosed(boolean closed) {
        shutterClosed = closed;
        update();
    }

    public void camera(Optional<VideoDevice> selected) {
        camera = selected;
        update();
    }

    private void update() {
        VideoStatus next;
        if (shutterClosed) {
            next = new VideoStatus(false, VideoStatus.SHUTTER_CLOSED);
        } else if (camera.isEmpty()) {
            next = new VideoStatus(false, VideoStatus.NO_CAMERA);
        } else {
            VideoDevice device = camera.get();
            next = new VideoStatus(true, "video available: " + device.name() + " (" + device.deviceNode() + ")");
        }
        if (!next.equals(status)) {
            status = next;
            onChange.accept(next);
        }
    }
}
