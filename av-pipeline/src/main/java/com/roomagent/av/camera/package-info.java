/**
 * The camera as a source of grayscale frames, for the QR code scanner of provisioning.
 *
 * <p>{@link com.roomagent.av.camera.CameraSource} says where frames come from (a V4L2 device on a
 * real board; an image file, a clip or a test pattern on the emulated board), {@link
 * com.roomagent.av.camera.FrameGrabber} plays it and hands out the latest {@link
 * com.roomagent.av.camera.Frame} on request, and every failure is a {@link
 * com.roomagent.av.camera.CameraException} with a {@link com.roomagent.av.camera.CameraException.Reason}.
 * No GStreamer type appears here: the pipelines are text, played by {@code com.roomagent.av.gst}.
 * The design, the pipelines and their costs are in docs/av-pipeline.md, "Camera frames".
 */
package com.roomagent.av.camera;
