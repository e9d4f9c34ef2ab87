/**
 * STUN on the media channel: Binding transactions with short-term credentials, RTTs, and the RFC
 * 7983 demultiplexer that hands DTLS and SRTP to the layer above.
 */
package com.roomagent.transport.stun;
