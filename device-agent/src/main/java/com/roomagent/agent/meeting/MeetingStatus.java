package com.roomagent.agent.meeting;

/**
 * The room's meeting as status and the report show it ({@code meeting}).
 *
 * @param meetingId the meeting
 * @param phase {@code joining} (sent, no answer yet), {@code waiting} (alone in the meeting),
 *     {@code connecting} (node assigned, media path opening), {@code in-media}, {@code
 *     media-failed} (the path could not be set up; leave and join again), or {@code refused} (the
 *     cloud refused the join; the room is in no meeting)
 * @param detail the cloud's or the media path's words about the phase, for people
 * @param node the assigned media node, once assigned
 * @param joinedAt when the room asked to join, ISO-8601
 * @param joinToMediaMs from the join to the first authenticated far-end media (for the room that
 *     joined first this includes waiting for the other room); null until then
 * @param failoversReported how many media failovers the cloud was told of
 */
public record MeetingStatus(
        String meetingId,
        String phase,
        String detail,
        String node,
        String joinedAt,
        Long joinToMediaMs,
        int failoversReported) {}
