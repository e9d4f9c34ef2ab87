/** The metrics service's wire format (R20): batches of typed measurements. */
package com.roomagent.protocol.metrics;
