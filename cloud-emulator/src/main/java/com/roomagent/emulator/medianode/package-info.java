/**
 * Emulated media nodes answering STUN Binding requests (RFC 5389) over UDP, TCP and TLS (RFC 4571
 * framing) and UDP last-resort, each transport serving, dropping, closed, or presenting a bad
 * certificate. The answer itself is a pure function ({@code BindingResponder}); listeners are thin
 * socket adapters around it.
 */
package com.roomagent.emulator.medianode;
