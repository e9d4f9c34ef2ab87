/**
 * The explicit HTTP proxy (R4) for the agent's HTTPS traffic to the cloud: its settings ({@link
 * com.roomagent.agent.proxy.HttpProxy}), the credentials answered only to it ({@link
 * com.roomagent.agent.proxy.ProxyAuthenticator}), the JDK switch that lets Basic credentials go
 * into a CONNECT tunnel ({@link com.roomagent.agent.proxy.ProxyTunneling}), and what a failure
 * at the proxy means ({@link com.roomagent.agent.proxy.ProxyFailure}). Media never uses the proxy
 * (R5): discovery's STUN probes open plain sockets. See docs/proxy.md.
 */
package com.roomagent.agent.proxy;
