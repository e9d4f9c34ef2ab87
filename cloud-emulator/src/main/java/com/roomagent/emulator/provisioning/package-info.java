/**
 * The cloud's side of provisioning (docs/cloud-emulator.md, "Provisioning"): activation codes, the
 * pairing of devices without a code, the device certificates both end in, the administrator's
 * token, and the rate limit on guessing. Plain classes fed with a clock; the HTTP adapter is {@code
 * signaling.ProvisioningRoutes}, the Java API {@link com.roomagent.emulator.provisioning.Provisioning}.
 */
package com.roomagent.emulator.provisioning;
