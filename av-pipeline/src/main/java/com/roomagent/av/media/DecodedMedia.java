package com.roomagent.av.media;

import java.util.OptionalDouble;

/**
 * What this device has decoded of the far end's media so far: the evidence that media flows
 * end to end (the demo report, CI, tests). Immutable snapshot.
 *
 * @param videoFrames decoded video frames since the session started
 * @param lastFrameMeanLuma the mean luma (0 black .. 255 white) of the last decoded frame, sampled
 *     sparsely; black frames (a camera that is off or lost) read about 16
 * @param audioLevelReports how many 100 ms audio level measurements were made
 * @param lastAudioRmsDecibels the last measurement's RMS level in dBFS (the loudest channel);
 *     digital silence reads -700
 * @param speakerLevelReports how many 100 ms measurements the speaker's pipeline made of what it
 *     played (none without a speaker output, and none while the speaker is unplugged)
 * @param lastSpeakerRmsDecibels the last of them, dBFS
 */
public record DecodedMedia(
        long videoFrames,
        OptionalDouble lastFrameMeanLuma,
        long audioLevelReports,
        OptionalDouble lastAudioRmsDecibels,
        long speakerLevelReports,
        OptionalDouble lastSpeakerRmsDecibels) {}
