/**
 * The signaling protocol (docs/signaling.md): the registration request's answer, and the messages
 * of the WebSocket event channel (RFC 6455) between a registered device and the cloud, as JSON
 * records shared by the agent and the cloud emulator.
 */
package com.roomagent.protocol.signaling;
