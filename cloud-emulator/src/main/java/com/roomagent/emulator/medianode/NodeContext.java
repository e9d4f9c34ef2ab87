package com.roomagent.emulator.medianode;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every listener of one node shares.
 *
 * @param nodeId the node's id, for thread names and logs
 * @param delay simulated one-way latency before each answer
 * @param replies the emulator's scheduler that sends delayed answers; owned by the emulator, not by
 *     the node, and shut down after every node is closed
 * @param media the node's participants, flows and relays; owned by the node's server
 */
record NodeContext(String nodeId, Duration delay, ScheduledExecutorService replies, NodeMedia media) {}
