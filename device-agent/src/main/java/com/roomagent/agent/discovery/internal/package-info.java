/**
 * Discovery details that are not API: the STUN probers per socket protocol, the retransmission
 * schedule, the sample bookkeeping, the mapping of I/O errors to {@link
 * com.roomagent.protocol.discovery.ProbeFailure}, and the parsers of the kernel's routing tables.
 * Public only so the discovery package can use them; other packages must not.
 */
package com.roomagent.agent.discovery.internal;
