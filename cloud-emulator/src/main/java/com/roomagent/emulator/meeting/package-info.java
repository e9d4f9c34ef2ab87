/**
 * Meetings in the emulated cloud (R10): which media node a joining device is given, and the SSRCs it
 * sends with. The node choice is a
 * pure function of the node list and the participants' latest discovery reports ({@code
 * AssignmentPolicy}); the signaling messages that carry it ({@code meeting.join}, {@code
 * meeting.assigned}) are not wired yet.
 */
package com.roomagent.emulator.meeting;
