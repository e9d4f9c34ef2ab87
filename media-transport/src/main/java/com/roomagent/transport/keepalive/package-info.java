/**
 * Holding the media path (R14): STUN Binding requests on the media 5-tuple every few seconds,
 * consent freshness, a media-arrival watchdog, and events for failover.
 */
package com.roomagent.transport.keepalive;
