/**
 * QR codes for provisioning, through ZXing's core library only: make one ({@link
 * com.roomagent.provisioning.qr.QrCodes}), show it as a PNG or on a terminal ({@link
 * com.roomagent.provisioning.qr.QrImages}), find one in a camera frame ({@link
 * com.roomagent.provisioning.qr.QrScanner}), and read the activation code a QR code carries
 * ({@link com.roomagent.provisioning.qr.ActivationQrPayload}). This package is the ZXing adapter:
 * no ZXing type appears in its public API. Everything here is stateless or immutable, so safe to
 * share between threads.
 */
package com.roomagent.provisioning.qr;
