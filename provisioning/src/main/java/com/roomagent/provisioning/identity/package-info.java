/**
 * The device's identity: its EC P-256 key pair, generated on the device, the certificate the cloud
 * issued for it, and the organization's settings, stored so that a power cut at any instant leaves
 * either the old identity or the new one, never a mix.
 *
 * <p>Entry points: {@link com.roomagent.provisioning.identity.DeviceKeys} and {@link
 * com.roomagent.provisioning.identity.CertificateRequests} for enrollment, {@link
 * com.roomagent.provisioning.identity.IdentityStore} for storage and factory reset. This package is
 * the Bouncy Castle adapter of the module: no Bouncy Castle type appears in its public API.
 */
package com.roomagent.provisioning.identity;
