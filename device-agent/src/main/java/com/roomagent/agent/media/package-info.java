/**
 * A call's media path on the device (issue 5): race the meeting's media candidates, key DTLS-SRTP
 * over the winner, start the call's media, keep the path alive, and fail over to the next
 * candidate without restarting the media pipeline (docs/media-path.md, "In the agent").
 */
package com.roomagent.agent.media;
