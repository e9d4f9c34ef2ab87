/**
 * Media node discovery (R6 to R9): fetch the node list from the cloud, probe every node over UDP,
 * TCP and TLS with STUN binding requests, report round-trip times, cache the results for two hours
 * and probe again when the network changes.
 *
 * <p>Entry points: {@link com.roomagent.agent.discovery.DiscoveryService} for the daemon, {@link
 * com.roomagent.agent.discovery.StunProbe} for probing a single STUN server from the CLI, and
 * {@link com.roomagent.agent.discovery.DiscoveryTable} to show a report to people. Socket code lives
 * in {@code internal}; the policies (retransmission schedule, deadlines, cache expiry, change
 * detection) are plain classes fed with a clock or a ticker.
 */
package com.roomagent.agent.discovery;
