/** Failover (R14): after a lost path, which candidates to race next, and why. */
package com.roomagent.transport.failover;
