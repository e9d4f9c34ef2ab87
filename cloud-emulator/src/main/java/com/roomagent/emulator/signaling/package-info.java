/**
 * The signaling HTTPS server: the media node list, and the discovery reports devices send (R6, R8),
 * kept in {@link com.roomagent.emulator.signaling.DiscoveryReportStore}.
 */
package com.roomagent.emulator.signaling;
