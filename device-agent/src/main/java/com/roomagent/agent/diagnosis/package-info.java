/**
 * {@code room-agent diagnose}: from a discovery report, what the network blocks and which change gives
 * the best media path, following the source document's firewall traversal options (UDP 5004 to any,
 * STUN inspection, IP-range whitelisting, a Video Mesh node; never media through an HTTP proxy).
 * Pure logic: no I/O.
 */
package com.roomagent.agent.diagnosis;
