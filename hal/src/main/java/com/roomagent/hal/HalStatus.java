package com.roomagent.hal;

import com.roomagent.hal.devices.DeviceSelection;
import com.roomagent.hal.devices.DeviceSnapshot;
import com.roomagent.hal.health.FeatureStatus;
import com.roomagent.hal.led.AgentState;
import com.roomagent.hal.sensor.AmbientLightReading;
import com.roomagent.hal.video.VideoStatus;
import java.util.List;
import java.util.Optional;

/**
 * Everything the HAL knows, at one moment: for {@code bin/room-agent hal}, the demo report and the
 * agent's status.
 *
 * @param board the board's name
 * @param profileSource where the profile came from
 * @param platform {@code raspberry-pi}, {@code generic-linux} or {@code emulated}
 * @param encoder the profile's encoder: {@code v4l2h264enc} or {@code x264}
 * @param videoCaps the profile's caps: {@code 1280x720@30}
 * @param agentState the state the status LED shows
 * @param microphoneMuted whether the microphone is muted
 * @param video whether video may flow, and the status line
 * @param ambientLight the last light reading, empty when there is none
 * @param features every feature: working, absent or degraded (and why)
 * @param lines every line the board opened, and its state
 * @param devices the cameras and sound cards on the system
 * @param selection which of them the board uses
 */
public record HalStatus(
        String board,
        String profileSource,
        String platform,
        String encoder,
        String videoCaps,
        AgentState agentState,
        boolean microphoneMuted,
        VideoStatus video,
        Optional<AmbientLightReading> ambientLight,
        List<FeatureStatus> features,
        List<LineState> lines,
        DeviceSnapshot devices,
        DeviceSelection selection) {
    public HalStatus {
        features = List.copyOf(features);
        lines = List.copyOf(lines);
    }
}
