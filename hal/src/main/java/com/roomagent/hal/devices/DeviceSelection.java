package com.roomagent.hal.devices;

import com.roomagent.hal.devices.PcmDevice.Direction;
import com.roomagent.hal.devices.VideoDevice.Role;
import com.roomagent.hal.profile.BoardProfile;
import com.roomagent.hal.profile.DeviceSpec;
import com.roomagent.hal.profile.VideoSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The devices a board uses, matched from what the system has to what its profile asks for.
 *
 * @param camera the camera: the first device named in {@code board.camera.names} (in that order),
 *     else the first USB camera when {@code board.camera.usb} allows it
 * @param cameraFormats the camera's formats within the profile's video caps
 * @param microphone the first capture stream of the preferred sound cards, else of any card
 * @param speaker the first playback stream of the preferred sound cards, else of any card
 * @param encoder the V4L2 encoder device, if the system has one
 */
public record DeviceSelection(
        Optional<VideoDevice> camera,
        List<VideoFormat> cameraFormats,
        Optional<AudioDevice> microphone,
        Optional<AudioDevice> speaker,
        Optional<VideoDevice> encoder) {
    public DeviceSelection {
        cameraFormats = List.copyOf(cameraFormats);
    }

    public static DeviceSelection select(BoardProfile profile, DeviceSnapshot snapshot) {
        Optional<VideoDevice> camera = camera(profile.devices(), snapshot.video());
        VideoSpec caps = profile.video();
        List<VideoFormat> formats = camera.map(VideoDevice::formats).orElse(List.of()).stream()
                .filter(f -> f.fitsWithin(caps.maxWidth(), caps.maxHeight(), caps.maxFps()))
                .toList();
        return new DeviceSelection(
                camera,
                formats,
                audio(profile.devices(), snapshot.soundCards(), Direction.CAPTURE),
                audio(profile.devices(), snapshot.soundCards(), Direction.PLAYBACK),
                snapshot.video().stream().filter(v -> v.role() == Role.ENCODER).findFirst());
    }

    /** Whether a V4L2 node counts as a camera for this board. */
    public static boolean isCamera(DeviceSpec spec, VideoDevice device) {
        return (spec.usbCameras() && device.role() == Role.CAPTURE) || named(spec, device);
    }

    private static Optional<VideoDevice> camera(DeviceSpec spec, List<VideoDevice> devices) {
        for (String name : spec.cameraNames()) {
            for (VideoDevice device : devices) {
                if (usable(device) && device.name().startsWith(name)) {
                    return Optional.of(device);
                }
            }
        }
        if (spec.usbCameras()) {
            return devices.stream().filter(d -> d.role() == Role.CAPTURE).findFirst();
        }
        return Optional.empty();
    }

    private static boolean named(DeviceSpec spec, VideoDevice device) {
        return usable(device) && spec.cameraNames().stream().anyMatch(device.name()::startsWith);
    }

    private static boolean usable(VideoDevice device) {
        return device.role() == Role.CAPTURE || device.role() == Role.UNKNOWN;
    }

    private static Optional<AudioDevice> audio(DeviceSpec spec, List<SoundCard> cards, Direction direction) {
        for (String id : spec.soundCards()) {
            for (SoundCard card : cards) {
                if (card.id().toLowerCase(Locale.ROOT).equals(id.toLowerCase(Locale.ROOT))) {
                    Optional<PcmDevice> pcm = card.first(direction);
                    if (pcm.isPresent()) {
                        return Optional.of(new AudioDevice(card, pcm.get()));
                    }
                }
            }
        }
        for (SoundCard card : cards) {
            Optional<PcmDevice> pcm = card.first(direction);
            if (pcm.isPresent()) {
                return Optional.of(new AudioDevice(card, pcm.get()));
            }
        }
        return Optional.empty();
    }
}
