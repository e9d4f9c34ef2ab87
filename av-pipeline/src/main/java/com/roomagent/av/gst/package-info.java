/**
 * The gst1-java-core adapter: the only package of Room Agent that names GStreamer types.
 *
 * <p>{@link com.roomagent.av.gst.GstRuntime} initialises GStreamer once per process (version 1.22,
 * program name {@code room-agent}). {@link com.roomagent.av.gst.AppSinkPipeline} plays a pipeline
 * described in {@code gst-launch} syntax that ends in an {@code appsink}, and hands every sample to
 * a {@link com.roomagent.av.gst.AppSinkPipeline.Listener} as a plain {@link java.nio.ByteBuffer}.
 * {@link com.roomagent.av.gst.LivePipeline} plays a live pipeline with named appsrcs and appsinks
 * for the media sessions, and reads {@code rtpbin} and {@code srtpdec} statistics; the JNA calls the
 * binding does not offer are in {@code GstNatives}. Everything that crosses this package's boundary
 * is a JDK type, so the feature packages above it ({@code camera}, {@code media}) never see a
 * {@code Sample} or a {@code Buffer}. Public only so those packages can use it; other modules must
 * not.
 *
 * <p>Ownership: every GStreamer object obtained here is disposed explicitly by the class that
 * obtained it, on the path where it was obtained; the binding's garbage-collector reaper is a
 * safety net, not the plan.
 */
package com.roomagent.av.gst;
