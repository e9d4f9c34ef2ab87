package com.roomagent.av.gst;

import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.GstException;
import org.freedesktop.gstreamer.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where GStreamer is initialised.
 *
 * <p>gst1-java-core refuses every API call newer than the version named in {@code Gst.init} (its
 * default is 1.8), so Room Agent always asks for {@value #REQUIRED_MAJOR}.{@value #REQUIRED_MINOR},
 * the version of Debian 12 and of the Yocto image. Initialising is process-wide, thread-safe and
 * idempotent: the first call loads the native library and starts the binding's own threads (one
 * "gstreamer service thread" that delivers bus messages, one "NativeObject Reaper"), later calls
 * return at once. A failure is remembered: every later call fails the same way without touching
 * the native library again, because a half-loaded JNA library cannot be retried in one process.
 *
 * <p>There is no shutdown: {@code Gst.deinit} is unsafe while any object of the binding is still
 * reachable, and the process ends with the agent anyway.
 */
public final class GstRuntime {
    /** The GStreamer major version Room Agent is written against. */
    public static final int REQUIRED_MAJOR = 1;
    /** The GStreamer minor version Room Agent is written against (Debian 12 ships 1.22). */
    public static final int REQUIRED_MINOR = 22;

    private static final Logger LOG = LoggerFactory.getLogger(GstRuntime.class);
    private static final String PROGRAM_NAME = "room-agent";
    private static final Object LOCK = new Object();

    // Guarded by LOCK.
    private static boolean initialized;
    private static String failure; // null until an initialisation failed
    private static Throwable failureCause;

    private GstRuntime() {}

    /**
     * Initialises GStreamer unless that is done already.
     *
     * @throws GstUnavailableException if the native library is missing or older than 1.22; the
     *     message tells the operator to run {@code make deps}
     */
    public static void ensureInitialized() throws GstUnavailableException {
        synchronized (LOCK) {
            if (initialized) {
                return;
            }
            if (failure != null) {
                throw new GstUnavailableException(failure, failureCause);
            }
            try {
                Gst.init(Version.of(REQUIRED_MAJOR, REQUIRED_MINOR), PROGRAM_NAME);
                initialized = true;
                LOG.info(
                        "gstreamer initialised version={} requested={}.{}",
                        Gst.getVersionString(),
                        REQUIRED_MAJOR,
                        REQUIRED_MINOR);
            } catch (LinkageError e) {
                // UnsatisfiedLinkError from JNA, wrapped in ExceptionInInitializerError by the binding's
                // static initialiser on the first attempt, NoClassDefFoundError on any later one.
                throw fail(
                        "GStreamer " + REQUIRED_MAJOR + "." + REQUIRED_MINOR
                                + " is not installed (native library gstreamer-1.0 not found); run make deps",
                        e);
            } catch (GstException e) {
                throw fail(
                        "GStreamer " + REQUIRED_MAJOR + "." + REQUIRED_MINOR
                                + " or newer is required, and it could not be initialised ("
                                + e.getMessage().strip().replace('\n', ' ') + "); run make deps",
                        e);
            }
        }
    }

    /**
     * Whether GStreamer's registry has an element factory of that name (a plugin is installed that
     * provides it, for example {@code v4l2h264enc} or {@code alsasrc}).
     *
     * @throws GstUnavailableException if GStreamer itself is missing
     */
    public static boolean hasElement(String factoryName) throws GstUnavailableException {
        ensureInitialized();
        ElementFactory factory = ElementFactory.find(factoryName);
        if (factory == null) {
            return false;
        }
        factory.dispose();
        return true;
    }

    private static GstUnavailableException fail(String message, Throwable cause) {
        failure = message;
        failureCause = cause;
        LOG.error("gstreamer unavailable reason=\"{}\"", message);
        return new GstUnavailableException(message, cause);
    }
}
