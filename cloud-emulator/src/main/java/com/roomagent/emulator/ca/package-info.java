/**
 * The emulator's certificate authority and the server certificates it issues: the Bouncy Castle
 * adapter. No Bouncy Castle type leaves this package; callers see JDK types ({@link
 * java.security.cert.X509Certificate}, {@link javax.net.ssl.SSLContext}).
 */
package com.roomagent.emulator.ca;
