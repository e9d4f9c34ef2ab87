/**
 * Registration with the cloud and the event channel (docs/signaling.md): mutual TLS with the
 * device's certificate ({@link com.roomagent.agent.signaling.DeviceTls}), the registration request,
 * the WebSocket event channel with heartbeats, resume and reconnection with backoff ({@link
 * com.roomagent.agent.signaling.SignalingClient}), and the state it reports to the control socket,
 * the status LED and listeners.
 */
package com.roomagent.agent.signaling;
