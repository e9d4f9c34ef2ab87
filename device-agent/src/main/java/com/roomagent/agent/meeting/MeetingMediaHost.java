package com.roomagent.agent.meeting;

import com.roomagent.agent.media.MediaAssignment;
import com.roomagent.agent.media.MediaPath;
import com.roomagent.agent.media.MediaPathException;

/** Where a meeting's media path runs: the daemon ({@code joinMeetingMedia}), or a test's room. */
public interface MeetingMediaHost {
    /** Opens the path and starts the call's media; blocks until the media runs. */
    MediaPath open(String callId, MediaAssignment assignment) throws MediaPathException, InterruptedException;

    /** Ends the media and closes the path. */
    void close(MediaPath path);
}
