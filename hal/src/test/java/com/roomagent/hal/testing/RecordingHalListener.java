package com.roomagent.hal.testing;

import com.roomagent.hal.HalListener;
import com.roomagent.hal.devices.DeviceEvent;
import com.roomagent.hal.devices.DeviceSelection;
import com.roomagent.hal.health.FeatureStatus;
import com.roomagent.hal.video.VideoStatus;
import java.util.ArrayList;
import java.util.List;

/** Records everything the HAL reports. */
public final class RecordingHalListener implements HalListener {
    public final List<Boolean> mutes = new ArrayList<>();
    public final List<VideoStatus> videos = new ArrayList<>();
    public final List<DeviceEvent> devices = new ArrayList<>();
    public final List<DeviceSelection> selections = new ArrayList<>();
    public final List<FeatureStatus> features = new ArrayList<>();

    @Override
    public void microphoneMuteChanged(boolean muted) {
        mutes.add(muted);
    }

    @Override
    public void videoChanged(VideoStatus status) {
        videos.add(status);
    }

    @Override
    public void deviceChanged(DeviceEvent event) {
        devices.add(event);
    }

    @Override
    public void selectionChanged(DeviceSelection selection) {
        selections.add(selection);
    }

    @Override
    public void featureChanged(FeatureStatus status) {
        features.add(status);
    }
}
