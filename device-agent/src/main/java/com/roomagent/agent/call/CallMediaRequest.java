package com.roomagent.agent.call;

import com.roomagent.av.media.SsrcPlan;
import com.roomagent.av.srtp.SrtpKeyPair;
import com.roomagent.transport.MediaChannel;
import java.util.Objects;

/**
 * What the media path hands over when a call's media can start: the call, the SSRCs signaling
 * fixed, the SRTP keys from the DTLS handshake, and the channel that won the transport race.
 *
 * @param callId the call's identifier, for status and logs
 * @param ssrcs our and the far end's SSRCs
 * @param keys SRTP keys: {@code local} protects what we send, {@code remote} what we receive
 * @param channel the media flow; the request does not own it (the media path does)
 */
public record CallMediaRequest(String callId, SsrcPlan ssrcs, SrtpKeyPair keys, MediaChannel channel) {
    public CallMediaRequest {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(ssrcs, "ssrcs");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(channel, "channel");
    }

    @Override
    public String toString() {
        return "CallMediaRequest[callId=" + callId + ", ssrcs=" + ssrcs + ", keys=(hidden), channel="
                + channel.transport() + " " + channel.remoteAddress() + "]";
    }
}
