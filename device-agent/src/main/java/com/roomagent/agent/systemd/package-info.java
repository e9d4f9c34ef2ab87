/**
 * The agent's side of systemd's service notification protocol (sd_notify(3)): readiness, status
 * text, watchdog keep-alives and stopping, sent as datagrams to {@code $NOTIFY_SOCKET}. Java 17
 * cannot open Unix datagram sockets (JEP 380 added stream sockets only), so {@link NotifySocket}
 * calls the C library through JNA. The systemd unit is {@code
 * yocto/meta-room-agent/recipes-room-agent/room-agent/files/room-agent.service}.
 */
package com.roomagent.agent.systemd;
