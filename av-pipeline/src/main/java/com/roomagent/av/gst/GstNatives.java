package com.roomagent.av.gst;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.DoubleByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The few GLib and GStreamer calls that gst1-java-core does not offer with a clear ownership: the
 * per-packet push into an {@code appsrc} (a new buffer whose only reference goes to the element),
 * action signals that return new object references ({@code rtpbin}'s {@code get-internal-session},
 * {@code RTPSession}'s {@code get-source-by-ssrc}) and properties that return a copy of a {@code
 * GstStructure} ({@code stats}). Every pointer returned here with "transfer full" is released by
 * the caller in a {@code finally} block, on the path that obtained it.
 *
 * <p>The libraries are the ones the binding already loaded (GStreamer 1.22); {@link
 * GstRuntime#ensureInitialized()} must have succeeded before the first call.
 */
final class GstNatives {
    // Fundamental GType ids: G_TYPE_MAKE_FUNDAMENTAL(n) = n << 2 (gobject/gtype.h), fixed by the ABI.
    private static final long G_TYPE_BOOLEAN = 5 << 2;
    private static final long G_TYPE_INT = 6 << 2;
    private static final long G_TYPE_UINT = 7 << 2;
    private static final long G_TYPE_INT64 = 10 << 2;
    private static final long G_TYPE_UINT64 = 11 << 2;
    private static final long G_TYPE_DOUBLE = 15 << 2;
    private static final long G_TYPE_STRING = 16 << 2;

    /** libgobject-2.0. */
    interface GObjectLibrary extends Library {
        GObjectLibrary INSTANCE = load("gobject-2.0", GObjectLibrary.class);

        void g_signal_emit_by_name(Pointer instance, String signal, Object... arguments);

        void g_object_get(Pointer object, String property, Object... locationsThenNull);

        void g_object_set(Pointer object, String property, Object... valuesThenNull);

        void g_object_unref(Pointer object);
    }

    /** libgstreamer-1.0. */
    interface GstLibrary extends Library {
        GstLibrary INSTANCE = load("gstreamer-1.0", GstLibrary.class);

        Pointer gst_buffer_new_memdup(byte[] data, NativeLong size);

        int gst_structure_n_fields(Pointer structure);

        String gst_structure_nth_field_name(Pointer structure, int index);

        NativeLong gst_structure_get_field_type(Pointer structure, String field);

        boolean gst_structure_get_boolean(Pointer structure, String field, IntByReference value);

        boolean gst_structure_get_int(Pointer structure, String field, IntByReference value);

        boolean gst_structure_get_uint(Pointer structure, String field, IntByReference value);

        boolean gst_structure_get_int64(Pointer structure, String field, LongByReference value);

        boolean gst_structure_get_uint64(Pointer structure, String field, LongByReference value);

        boolean gst_structure_get_double(Pointer structure, String field, DoubleByReference value);

        String gst_structure_get_string(Pointer structure, String field);

        void gst_structure_free(Pointer structure);

        /** A new structure (transfer full), or null when the text does not parse. */
        Pointer gst_structure_from_string(String text, Pointer end);

        /** Takes the caller's reference to {@code event}. */
        boolean gst_element_send_event(Pointer element, Pointer event);
    }

    /** libgstvideo-1.0. */
    interface GstVideoLibrary extends Library {
        GstVideoLibrary INSTANCE = load("gstvideo-1.0", GstVideoLibrary.class);

        Pointer gst_video_event_new_upstream_force_key_unit(long runningTime, boolean allHeaders, int count);
    }

    /** libgstapp-1.0. */
    interface GstAppLibrary extends Library {
        GstAppLibrary INSTANCE = load("gstapp-1.0", GstAppLibrary.class);

        /** Takes the caller's reference to {@code buffer}, whatever it returns. */
        int gst_app_src_push_buffer(Pointer appsrc, Pointer buffer);
    }

    private GstNatives() {}

    /** Loads {@code lib<name>.so}, or the versioned {@code .so.0} that runtime-only images ship. */
    private static <T extends Library> T load(String name, Class<T> type) {
        try {
            return Native.load(name, type);
        } catch (UnsatisfiedLinkError e) {
            return Native.load("lib" + name + ".so.0", type);
        }
    }

    /**
     * Copies {@code data} into a new buffer and pushes it into {@code appsrc}, which takes the only
     * reference. Returns GStreamer's flow return (0 is {@code GST_FLOW_OK}).
     */
    static int pushCopy(Pointer appsrc, byte[] data) {
        Pointer buffer = GstLibrary.INSTANCE.gst_buffer_new_memdup(data, new NativeLong(data.length));
        return GstAppLibrary.INSTANCE.gst_app_src_push_buffer(appsrc, buffer);
    }

    /** Reads the GstStructure-valued property {@code property} of {@code object}: its scalar fields. */
    static Map<String, Object> structureProperty(Pointer object, String property) {
        PointerByReference location = new PointerByReference();
        GObjectLibrary.INSTANCE.g_object_get(object, property, location, null);
        Pointer structure = location.getValue();
        if (structure == null) {
            return Map.of();
        }
        try {
            return scalarFields(structure);
        } finally {
            GstLibrary.INSTANCE.gst_structure_free(structure); // g_object_get returns a copy
        }
    }

    /**
     * Sets the GstStructure-valued property {@code property} of {@code object} from its text form
     * ({@code v4l2h264enc}'s {@code extra-controls}). {@code g_object_set} copies the boxed value;
     * our structure is freed here.
     *
     * @throws IllegalArgumentException if the text is not a structure
     */
    static void setStructureProperty(Pointer object, String property, String text) {
        Pointer structure = GstLibrary.INSTANCE.gst_structure_from_string(text, null);
        if (structure == null) {
            throw new IllegalArgumentException("not a GstStructure: " + text);
        }
        try {
            GObjectLibrary.INSTANCE.g_object_set(object, property, structure, null);
        } finally {
            GstLibrary.INSTANCE.gst_structure_free(structure);
        }
    }

    /**
     * The statistics of the source {@code ssrc} in session {@code session} of the {@code rtpbin}
     * {@code rtpBin} (the {@code RTPSource} {@code stats} structure), or an empty map when the
     * session does not know that source (yet).
     */
    static Map<String, Object> rtpSourceStats(Pointer rtpBin, int session, long ssrc) {
        Pointer rtpSession = emitForObject(rtpBin, "get-internal-session", session);
        if (rtpSession == null) {
            return Map.of();
        }
        try {
            Pointer source = emitForObject(rtpSession, "get-source-by-ssrc", (int) ssrc);
            if (source == null) {
                return Map.of();
            }
            try {
                return structureProperty(source, "stats");
            } finally {
                GObjectLibrary.INSTANCE.g_object_unref(source);
            }
        } finally {
            GObjectLibrary.INSTANCE.g_object_unref(rtpSession);
        }
    }

    /**
     * Sets a property of the internal {@code RTPSession} of session {@code session}: an {@link
     * Integer} for a 32-bit property ({@code guint}), a {@link Long} for a 64-bit one ({@code
     * guint64}); varargs carry no type, so the Java type must match the C one.
     */
    static void setRtpSessionProperty(Pointer rtpBin, int session, String property, Object value) {
        if (!(value instanceof Integer) && !(value instanceof Long)) {
            throw new IllegalArgumentException("an Integer or a Long, got " + value);
        }
        Pointer rtpSession = emitForObject(rtpBin, "get-internal-session", session);
        if (rtpSession == null) {
            throw new IllegalArgumentException("rtpbin has no session " + session);
        }
        try {
            GObjectLibrary.INSTANCE.g_object_set(rtpSession, property, value, null);
        } finally {
            GObjectLibrary.INSTANCE.g_object_unref(rtpSession);
        }
    }

    /**
     * Sends an upstream "force key unit" event (all headers, as soon as possible) into {@code
     * element} from downstream, as a decoder that cannot decode would. Returns whether an element
     * upstream handled it.
     */
    static boolean requestKeyUnit(Pointer element) {
        long now = -1; // GST_CLOCK_TIME_NONE: as soon as possible
        Pointer event = GstVideoLibrary.INSTANCE.gst_video_event_new_upstream_force_key_unit(now, true, 0);
        return GstLibrary.INSTANCE.gst_element_send_event(element, event);
    }

    /** Emits a signal with one {@code guint} argument that returns a new object reference (transfer full). */
    private static Pointer emitForObject(Pointer instance, String signal, int argument) {
        PointerByReference result = new PointerByReference();
        GObjectLibrary.INSTANCE.g_signal_emit_by_name(instance, signal, argument, result);
        return result.getValue();
    }

    /** Booleans, integers (as {@link Long}, unsigned values as their bits), doubles and strings. */
    private static Map<String, Object> scalarFields(Pointer structure) {
        GstLibrary gst = GstLibrary.INSTANCE;
        Map<String, Object> fields = new LinkedHashMap<>();
        int count = gst.gst_structure_n_fields(structure);
        for (int i = 0; i < count; i++) {
            String name = gst.gst_structure_nth_field_name(structure, i);
            long type = gst.gst_structure_get_field_type(structure, name).longValue();
            IntByReference intValue = new IntByReference();
            LongByReference longValue = new LongByReference();
            if (type == G_TYPE_BOOLEAN && gst.gst_structure_get_boolean(structure, name, intValue)) {
                fields.put(name, intValue.getValue() != 0);
            } else if (type == G_TYPE_INT && gst.gst_structure_get_int(structure, name, intValue)) {
                fields.put(name, (long) intValue.getValue());
            } else if (type == G_TYPE_UINT && gst.gst_structure_get_uint(structure, name, intValue)) {
                fields.put(name, Integer.toUnsignedLong(intValue.getValue()));
            } else if (type == G_TYPE_INT64 && gst.gst_structure_get_int64(structure, name, longValue)) {
                fields.put(name, longValue.getValue());
            } else if (type == G_TYPE_UINT64 && gst.gst_structure_get_uint64(structure, name, longValue)) {
                fields.put(name, longValue.getValue());
            } else if (type == G_TYPE_DOUBLE) {
                DoubleByReference doubleValue = new DoubleByReference();
                if (gst.gst_structure_get_double(structure, name, doubleValue)) {
                    fields.put(name, doubleValue.getValue());
                }
            } else if (type == G_TYPE_STRING) {
                String value = gst.gst_structure_get_string(structure, name);
                if (value != null) {
                    fields.put(name, value);
                }
            }
        }
        return fields;
    }
}
