/**
 * Injected time for the media path: a {@link com.roomagent.transport.timing.Scheduler} that the
 * race and the keepalives run on, real ({@link com.roomagent.transport.timing.ExecutorScheduler})
 * or virtual in tests.
 */
package com.roomagent.transport.timing;
