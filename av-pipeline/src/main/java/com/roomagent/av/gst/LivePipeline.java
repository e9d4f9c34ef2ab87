package com.roomagent.av.gst;

import com.roomagent.av.gst.AppSinkPipeline.AtEnd;
import com.roomagent.av.gst.GstPipelineException.Stage;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.FlowReturn;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.GstException;
import org.freedesktop.gstreamer.GstObject;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.StateChangeReturn;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.elements.AppSink;
import org.freedesktop.gstreamer.elements.AppSrc;
import org.freedesktop.gstreamer.glib.GError;
import org.freedesktop.gstreamer.glib.Natives;
import org.freedesktop.gstreamer.message.Message;
import org.freedesktop.gstreamer.message.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live pipeline, described in {@code gst-launch} syntax, with any number of {@code appsrc}
 * inputs and {@code appsink} outputs, addressed by element name. Only JDK types cross its API: the
 * media session above it builds text, pushes {@code byte[]} packets and receives {@link ByteBuffer}s.
 *
 * <p>Use: {@link #create} (parsed, state NULL), then configure ({@link #set}, {@link #setBytes},
 * {@link #setCaps}, {@link #onSamples}), then {@link #play}, then {@link #push} and the readers,
 * then {@link #close}.
 *
 * <p>Threads: none of its own. {@link SampleListener#onSample} runs on the GStreamer streaming
 * thread that feeds that appsink; {@link Listener} methods run on the binding's single "gstreamer
 * service thread", which serves every bus of the process, so listeners return quickly and never
 * call {@link #close()}. All other methods may be called from any thread; {@link #push} after
 * {@link #close()} is ignored.
 *
 * <p>Ownership: the instance owns the pipeline, its bus and every element proxy it looked up, and
 * disposes them in {@link #close()}. Each {@code Sample} and {@code Buffer} is disposed before
 * {@link SampleListener#onSample} returns, and each pushed packet's buffer belongs to its appsrc.
 */
public final class LivePipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LivePipeline.class);
    private static final String LEVEL_MESSAGE = "level";

    /** What the pipeline reports on its bus. Implementations must be thread-safe and quick. */
    public interface Listener {
        /** An element posted an error: its name and GStreamer's message. Its branch has stopped. */
        void onError(String elementName, String message);

        /** Every source ended and {@link AtEnd#REPORT} was chosen. */
        void onEndOfStream();

        /** A {@code level} element measured its last interval: RMS per channel, in dB (-700 is digital silence). */
        void onLevel(String elementName, double[] rmsDecibels);
    }

    /** Receives the samples of one appsink. */
    @FunctionalInterface
    public interface SampleListener {
        /** A sample arrived; {@code data} is read-only and valid only during this call. Never block. */
        void onSample(ByteBuffer data);
    }

    private record BusError(String element, String message) {}

    private final String name;
    private final Pipeline pipeline;
    private final Bus bus;
    private final AtEnd atEnd;
    private final Listener listener;
    private final Map<String, Element> elements = new HashMap<>(); // guarded by itself
    private final Map<String, Pointer> appSources = new HashMap<>(); // immutable once playing
    private final List<Runnable> disconnects = new ArrayList<>();
    private final Bus.ERROR onBusError = this::busError;
    private final Bus.EOS onBusEndOfStream = this::busEndOfStream;
    private final Bus.MESSAGE onBusMessage = this::busMessage;
    private final AtomicReference<BusError> firstError = new AtomicReference<>();
    private final CountDownLatch errorSeen = new CountDownLatch(1);
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean playing;
    private boolean closed; // guarded by lifecycle

    private LivePipeline(Pipeline pipeline, AtEnd atEnd, Listener listener) {
        this.pipeline = pipeline;
        this.name = pipeline.getName();
        this.bus = pipeline.getBus();
        this.atEnd = atEnd;
        this.listener = listener;
    }

    /**
     * Parses {@code description} into a pipeline in state NULL.
     *
     * @throws GstUnavailableException if GStreamer is not installed
     * @throws GstPipelineException ({@link Stage#BUILD}) if an element is not installed or two
     *     elements cannot be linked; the message is GStreamer's, which names the element
     */
    public static LivePipeline create(String description, AtEnd atEnd, Listener listener)
            throws GstUnavailableException, GstPipelineException {
        Objects.requireNonNull(listener, "listener");
        GstRuntime.ensureInitialized();
        List<GError> errors = new ArrayList<>();
        Element root;
        try {
            root = Gst.parseLaunch(description, errors);
        } catch (GstException e) {
            throw new GstPipelineException(Stage.BUILD, null, "pipeline refused: " + e.getMessage());
        }
        if (!errors.isEmpty() || !(root instanceof Pipeline)) {
            if (root != null) {
                root.dispose();
            }
            String why = errors.isEmpty()
                    ? "not a pipeline"
                    : errors.stream().map(GError::getMessage).collect(Collectors.joining("; "));
            throw new GstPipelineException(Stage.BUILD, missingElement(why), "pipeline refused: " + why);
        }
        LivePipeline live = new LivePipeline((Pipeline) root, atEnd, listener);
        live.bus.connect(live.onBusError);
        live.bus.connect(live.onBusEndOfStream);
        live.bus.connect(live.onBusMessage);
        return live;
    }

    /** GStreamer says {@code no element "x264enc"} when a factory is missing. */
    private static String missingElement(String why) {
        String marker = "no element \"";
        int start = why.indexOf(marker);
        if (start < 0) {
            return null;
        }
        int end = why.indexOf('"', start + marker.length());
        return end < 0 ? null : why.substring(start + marker.length(), end);
    }

    /** Sets a property from a {@link String}, {@link Integer}, {@link Long}, {@link Boolean} or {@link Double}. */
    public void set(String elementName, String property, Object value) throws GstPipelineException {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            element(elementName).set(property, value);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Sets a {@code GstBuffer}-valued property (for example {@code srtpenc}'s {@code key}) to a copy
     * of {@code bytes}. The element keeps its own reference; ours is released before returning.
     */
    public void setBytes(String elementName, String property, byte[] bytes) throws GstPipelineException {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            Element element = element(elementName);
            Buffer buffer = new Buffer(bytes.length);
            try {
                ByteBuffer mapped = buffer.map(true);
                mapped.put(bytes);
                buffer.unmap();
                element.set(property, buffer);
            } finally {
                buffer.dispose();
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Sets the caps of an appsrc from their text form; the next pushed buffer carries them
     * downstream (a caps event), in order with the data.
     */
    public void setCaps(String appSrcName, String caps) throws GstPipelineException {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            Caps parsed = Caps.fromString(caps);
            try {
                appSrc(appSrcName).setCaps(parsed);
            } finally {
                parsed.dispose();
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Asks for a key unit upstream of {@code elementName} (a video decoder), as the decoder itself
     * does when it cannot decode: the request travels up to the encoder, or to {@code rtpbin},
     * which sends it to the far end as RTCP PLI. Returns whether an element upstream took it.
     */
    public boolean requestKeyUnit(String elementName) throws GstPipelineException {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            return GstNatives.requestKeyUnit(Natives.getRawPointer(element(elementName)));
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Hands the samples of the appsink {@code appSinkName} to {@code sampleListener}; before {@link #play}. */
    public void onSamples(String appSinkName, SampleListener sampleListener) throws GstPipelineException {
        Objects.requireNonNull(sampleListener, "sampleListener");
        lifecycle.writeLock().lock();
        try {
            ensureOpen();
            Element element = element(appSinkName);
            if (!(element instanceof AppSink sink)) {
                throw new GstPipelineException(
                        Stage.BUILD, appSinkName, "element " + appSinkName + " is not an appsink");
            }
            AppSink.NEW_SAMPLE callback = appSink -> pullSample(appSink, sampleListener);
            sink.connect(callback);
            disconnects.add(() -> sink.disconnect(callback));
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /**
     * Sets the pipeline to PLAYING and waits up to {@code timeout} for it to get there, so that
     * pushed packets are timestamped against a running clock.
     *
     * @throws GstPipelineException ({@link Stage#START}) if an element refused to start, naming it
     */
    public void play(Duration timeout) throws GstPipelineException {
        lifecycle.writeLock().lock();
        try {
            ensureOpen();
            for (String appSrcName : List.copyOf(elements.keySet())) {
                if (elements.get(appSrcName) instanceof AppSrc source) {
                    appSources.put(appSrcName, Natives.getRawPointer(source));
                }
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
        StateChangeReturn result = pipeline.setState(State.PLAYING);
        if (result != StateChangeReturn.FAILURE) {
            State state = pipeline.getState(timeout.toNanos());
            if (state == State.PLAYING) {
                playing = true;
                return;
            }
        }
        try {
            // The element that refused posted its reason on the bus, delivered a moment later.
            errorSeen.await(AppSinkPipeline.ERROR_DETAIL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        BusError error = firstError.get();
        if (error == null) {
            throw new GstPipelineException(
                    Stage.START, null, "the pipeline did not reach PLAYING within " + timeout.toMillis() + " ms");
        }
        throw new GstPipelineException(
                Stage.START, error.element(), "element " + error.element() + " refused to start: " + error.message());
    }

    /**
     * Looks up an appsrc before {@link #play} so that {@link #push} can reach it; {@link #setCaps}
     * does the same.
     */
    public void declareAppSrc(String appSrcName) throws GstPipelineException {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            appSrc(appSrcName);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Copies {@code packet} into a new buffer and queues it in the appsrc {@code appSrcName}.
     * Returns false, and drops the packet, before {@link #play} reached PLAYING or after {@link
     * #close()}.
     */
    public boolean push(String appSrcName, byte[] packet) {
        if (!playing) {
            return false;
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                return false;
            }
            Pointer appsrc = appSources.get(appSrcName);
            if (appsrc == null) {
                throw new IllegalArgumentException("no appsrc named " + appSrcName + " was declared");
            }
            return GstNatives.pushCopy(appsrc, packet) == 0;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** A numeric property's current value, for example an appsrc's {@code current-level-buffers}. */
    public long numberProperty(String elementName, String property) throws GstPipelineException {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            return element(elementName).get(property) instanceof Number value ? value.longValue() : 0;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** The scalar fields of a GstStructure-valued property, for example {@code srtpdec}'s {@code stats}. */
    public Map<String, Object> structureProperty(String elementName, String property) throws GstPipelineException {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            return GstNatives.structureProperty(Natives.getRawPointer(element(elementName)), property);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Sets a GstStructure-valued property from its text form, for example {@code v4l2h264enc}'s
     * {@code extra-controls} to {@code controls,video_bitrate=(int)1000000}; allowed while playing.
     *
     * @throws IllegalArgumentException if {@code structure} does not parse
     */
    public void setStructure(String elementName, String property, String structure) throws GstPipelineException {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            GstNatives.setStructureProperty(Natives.getRawPointer(element(elementName)), property, structure);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * The statistics of one RTP source as {@code rtpbin} keeps them (RTPSource {@code stats}), or an
     * empty map while the session has not seen that SSRC.
     */
    public Map<String, Object> rtpSourceStats(String rtpBinName, int session, long ssrc) throws GstPipelineException {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            return GstNatives.rtpSourceStats(Natives.getRawPointer(element(rtpBinName)), session, ssrc);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Sets a property of an {@code rtpbin} session's RTPSession object, before {@link #play}: an
     * {@link Integer} for a {@code guint} property ({@code internal-ssrc}), a {@link Long} for a
     * {@code guint64} one ({@code rtcp-min-interval}, in nanoseconds).
     */
    public void setRtpSessionProperty(String rtpBinName, int session, String property, Object value)
            throws GstPipelineException {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            GstNatives.setRtpSessionProperty(Natives.getRawPointer(element(rtpBinName)), session, property, value);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Stops the pipeline (state NULL, which joins its streaming threads), disconnects every
     * listener and disposes every GStreamer object of this instance. After it returns no listener
     * is called again. Idempotent; must not be called from a listener.
     */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            playing = false;
        } finally {
            lifecycle.writeLock().unlock();
        }
        // Outside the lock: stopping joins streaming threads, which may be inside push() readers.
        if (pipeline.setState(State.NULL) == StateChangeReturn.FAILURE) {
            LOG.warn("pipeline did not stop cleanly pipeline={}", name);
        }
        lifecycle.writeLock().lock();
        try {
            disconnects.forEach(Runnable::run);
            disconnects.clear();
            bus.disconnect(onBusError);
            bus.disconnect(onBusEndOfStream);
            bus.disconnect(onBusMessage);
            synchronized (elements) {
                elements.values().forEach(Element::dispose);
                elements.clear();
            }
            appSources.clear();
            pipeline.dispose(); // disposes the bus too
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private void ensureOpen() throws GstPipelineException {
        if (closed) {
            throw new GstPipelineException(Stage.START, null, "pipeline " + name + " is closed");
        }
    }

    /** The proxy of a named element, looked up once and owned until {@link #close()}. */
    private Element element(String elementName) throws GstPipelineException {
        synchronized (elements) {
            Element element = elements.get(elementName);
            if (element == null) {
                element = pipeline.getElementByName(elementName);
                if (element == null) {
                    throw new GstPipelineException(
                            Stage.BUILD, elementName, "the pipeline has no element named " + elementName);
                }
                elements.put(elementName, element);
            }
            return element;
        }
    }

    private AppSrc appSrc(String appSrcName) throws GstPipelineException {
        Element element = element(appSrcName);
        if (!(element instanceof AppSrc source)) {
            throw new GstPipelineException(Stage.BUILD, appSrcName, "element " + appSrcName + " is not an appsrc");
        }
        return source;
    }

    private FlowReturn pullSample(AppSink appSink, SampleListener sampleListener) {
        Sample sample = appSink.pullSample();
        if (sample == null) {
            return FlowReturn.FLUSHING; // the appsink is stopping
        }
        try {
            Buffer buffer = sample.getBuffer();
            if (buffer == null) {
                return FlowReturn.OK;
            }
            try {
                ByteBuffer data = buffer.map(false);
                if (data == null) {
                    LOG.warn("sample could not be mapped pipeline={}", name);
                    return FlowReturn.ERROR;
                }
                try {
                    sampleListener.onSample(data.asReadOnlyBuffer());
                } finally {
                    buffer.unmap();
                }
            } finally {
                buffer.dispose();
            }
        } catch (RuntimeException e) {
            // The top of our code on a GStreamer streaming thread: JNA would only print it.
            LOG.error("sample listener failed pipeline={}", name, e);
            return FlowReturn.ERROR;
        } finally {
            sample.dispose();
        }
        return FlowReturn.OK;
    }

    /*
     * Bus handlers run on the binding's service thread and hold the read lock, so close() cannot
     * dispose the element proxies under them; after close() they touch nothing (the binding may
     * still deliver a message that was queued before the listeners were disconnected).
     */

    private void busError(GstObject source, int code, String message) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                return;
            }
            String elementName = source.getName();
            disposeUnlessOurs(source);
            if (firstError.compareAndSet(null, new BusError(elementName, message))) {
                errorSeen.countDown();
            }
            listener.onError(elementName, message);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void busEndOfStream(GstObject source) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                return;
            }
            disposeUnlessOurs(source);
            if (atEnd == AtEnd.REPORT) {
                listener.onEndOfStream();
            } else if (!pipeline.seek(0)) {
                listener.onError(name, "could not seek back to the start to loop");
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Every message of the bus comes here as a new proxy holding a reference: released at once. */
    private void busMessage(Bus messageBus, Message message) {
        lifecycle.readLock().lock();
        try {
            if (closed || message.getType() != MessageType.ELEMENT) {
                return;
            }
            Structure structure = message.getStructure();
            if (structure == null || !structure.hasName(LEVEL_MESSAGE)) {
                return;
            }
            double[] rms = structure.getDoubles("rms");
            GstObject source = message.getSource();
            String elementName = source.getName();
            disposeUnlessOurs(source);
            listener.onLevel(elementName, rms);
        } finally {
            lifecycle.readLock().unlock();
            message.dispose();
        }
    }

    /**
     * The binding hands listeners a proxy of the message's source: our own instance when we hold a
     * proxy of that element (which must live on), otherwise a new reference released here.
     */
    private void disposeUnlessOurs(GstObject source) {
        if (source == pipeline) {
            return;
        }
        synchronized (elements) {
            if (elements.containsValue(source)) {
                return;
            }
        }
        source.dispose();
    }
}
