/**
 * A STUN codec (RFC 5389, updated by RFC 8489): pure transformations between {@link
 * com.roomagent.protocol.stun.StunMessage} values and bytes, with no sockets and no threads.
 *
 * <p>{@link com.roomagent.protocol.stun.StunEncoder} writes messages, optionally signed with
 * MESSAGE-INTEGRITY and FINGERPRINT; {@link com.roomagent.protocol.stun.StunDecoder} reads them
 * and reports every malformed input as a {@link com.roomagent.protocol.stun.StunParseException},
 * never as an unchecked exception; {@link com.roomagent.protocol.stun.StunIntegrity} verifies
 * MESSAGE-INTEGRITY against a key made by {@link com.roomagent.protocol.stun.StunCredentials}.
 * Every class here is immutable or stateless, so all of it is safe to share between threads.
 */
package com.roomagent.protocol.stun;
