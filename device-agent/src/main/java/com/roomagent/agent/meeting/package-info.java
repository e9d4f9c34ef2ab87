/**
 * The room's meetings (R10, docs/signaling.md "Meetings"): join and leave over the event channel,
 * and turn the cloud's answers into the meeting's media path; failovers are reported back.
 */
package com.roomagent.agent.meeting;
