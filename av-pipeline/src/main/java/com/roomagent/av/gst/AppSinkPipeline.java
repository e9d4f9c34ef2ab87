package com.roomagent.av.gst;

import com.roomagent.av.gst.GstPipelineException.Stage;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.FlowReturn;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.GstException;
import org.freedesktop.gstreamer.GstObject;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.StateChangeReturn;
import org.freedesktop.gstreamer.elements.AppSink;
import org.freedesktop.gstreamer.glib.GError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A playing pipeline, described in {@code gst-launch} syntax, whose samples arrive at one {@code
 * appsink} and are handed to a {@link Listener} as plain bytes.
 *
 * <p>Threads: none of its own. {@link Listener#onSample} runs on the GStreamer streaming thread that
 * feeds the appsink (the appsink must have {@code emit-signals=true}); {@link Listener#onError} and
 * {@link Listener#onEndOfStream} run on the binding's single "gstreamer service thread", which
 * delivers the messages of every bus in the process, so listeners must return quickly and must not
 * call {@link #close()}.
 *
 * <p>Ownership: the instance owns the pipeline, its bus and its appsink, and disposes them in
 * {@link #close()}; each {@code Sample} and {@code Buffer} is disposed before {@link
 * Listener#onSample} returns, which is why the listener sees a buffer valid only during the call.
 */
public final class AppSinkPipeline implements AutoCloseable {
    /** How long {@link #start} waits for the bus to say why an element refused to start. */
    static final Duration ERROR_DETAIL_WAIT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(AppSinkPipeline.class);

    /** Receives what the pipeline produces. Implementations must be thread-safe. */
    public interface Listener {
        /**
         * A sample reached the appsink. {@code data} is read-only and valid only during this call;
         * copy what you keep. {@code presentationTimeNanos} is the buffer's timestamp in the stream,
         * or -1 when the buffer has none. Runs on a streaming thread: never block.
         */
        void onSample(ByteBuffer data, long presentationTimeNanos);

        /** An element posted an error; the pipeline produces nothing more. */
        void onError(String elementName, String message);

        /** The stream ended and {@link AtEnd#REPORT} was chosen. */
        void onEndOfStream();
    }

    /** What happens when every source is exhausted (end of a file). */
    public enum AtEnd {
        /** Seek back to the start and play again, forever (the loop restarts timestamps at 0). */
        REWIND,
        /** Tell the listener {@link Listener#onEndOfStream()}. */
        REPORT
    }

    /** A string property set on a named element before the pipeline starts, free of any quoting. */
    public record Property(String element, String name, String value) {
        public Property {
            Objects.requireNonNull(element, "element");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    private record BusError(String element, String message) {}

    private final Pipeline pipeline;
    private final Bus bus;
    private final AppSink sink;
    private final AtEnd atEnd;
    private final Listener listener;
    private final AppSink.NEW_SAMPLE onNewSample = this::pullSample;
    private final Bus.ERROR onBusError = this::busError;
    private final Bus.EOS onBusEndOfStream = this::busEndOfStream;
    private final AtomicReference<BusError> firstError = new AtomicReference<>();
    private final CountDownLatch errorSeen = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    private boolean closed; // guarded by lifecycle

    private AppSinkPipeline(Pipeline pipeline, AppSink sink, AtEnd atEnd, Listener listener) {
        this.pipeline = pipeline;
        this.bus = pipeline.getBus();
        this.sink = sink;
        this.atEnd = atEnd;
        this.listener = listener;
    }

    /**
     * Builds the pipeline, sets the properties, and sets it to PLAYING. Returns once the state
     * change is under way; samples follow on the streaming threads.
     *
     * @param description a {@code gst-launch} description with more than one element
     * @param properties set before starting; use them for paths and device names, which then need no
     *     quoting in the description
     * @param sinkName the name of the appsink in the description
     * @throws GstUnavailableException if GStreamer is not installed
     * @throws GstPipelineException if an element is missing, or an element refused to start
     */
    public static AppSinkPipeline start(
            String description, List<Property> properties, String sinkName, AtEnd atEnd, Listener listener)
            throws GstUnavailableException, GstPipelineException {
        GstRuntime.ensureInitialized();
        Pipeline pipeline = parse(description);
        AppSinkPipeline started;
        try {
            for (Property property : properties) {
                Element element = elementNamed(pipeline, property.element());
                try {
                    element.set(property.name(), property.value());
                } finally {
                    element.dispose();
                }
            }
            Element sink = elementNamed(pipeline, sinkName);
            if (!(sink instanceof AppSink)) {
                sink.dispose();
                throw new GstPipelineException(Stage.BUILD, sinkName, "element " + sinkName + " is not an appsink");
            }
            started = new AppSinkPipeline(pipeline, (AppSink) sink, atEnd, listener);
        } catch (GstPipelineException | RuntimeException e) {
            pipeline.dispose();
            throw e;
        }
        try {
            started.play();
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    private static Pipeline parse(String description) throws GstPipelineException {
        List<GError> errors = new ArrayList<>();
        Element root;
        try {
            root = Gst.parseLaunch(description, errors);
        } catch (GstException e) {
            throw new GstPipelineException(Stage.BUILD, null, "pipeline refused: " + e.getMessage());
        }
        if (!errors.isEmpty() || !(root instanceof Pipeline)) {
            root.dispose();
            String why = errors.isEmpty()
                    ? "not a pipeline"
                    : errors.stream().map(GError::getMessage).collect(Collectors.joining("; "));
            throw new GstPipelineException(Stage.BUILD, null, "pipeline refused: " + why);
        }
        return (Pipeline) root;
    }

    private static Element elementNamed(Pipeline pipeline, String name) throws GstPipelineException {
        Element element = pipeline.getElementByName(name);
        if (element == null) {
            throw new GstPipelineException(Stage.BUILD, name, "the pipeline has no element named " + name);
        }
        return element;
    }

    private void play() throws GstPipelineException {
        sink.connect(onNewSample);
        bus.connect(onBusError);
        bus.connect(onBusEndOfStream);
        StateChangeReturn result = pipeline.setState(State.PLAYING);
        if (result != StateChangeReturn.FAILURE) {
            return;
        }
        // The element that refused posted its reason on the bus; the binding delivers it on its
        // service thread, a moment later.
        try {
            errorSeen.await(ERROR_DETAIL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
        BusError error = firstError.get();
        if (error == null) {
            throw new GstPipelineException(Stage.START, null, "the pipeline refused to play and gave no reason");
        }
        throw new GstPipelineException(
                Stage.START, error.element(), "element " + error.element() + " refused to start: " + error.message());
    }

    /**
     * Stops the pipeline (state NULL, which joins its streaming threads) and disposes it. After
     * this returns, the listener is not called again. Idempotent; must not be called from a
     * listener.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            StateChangeReturn result = pipeline.setState(State.NULL);
            if (result == StateChangeReturn.FAILURE) {
                LOG.warn("pipeline did not stop cleanly pipeline={}", pipeline.getName());
            }
            sink.disconnect(onNewSample);
            bus.disconnect(onBusError);
            bus.disconnect(onBusEndOfStream);
            sink.dispose();
            pipeline.dispose(); // disposes the bus too
        }
    }

    private FlowReturn pullSample(AppSink appSink) {
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
                    LOG.warn("sample could not be mapped pipeline={}", pipeline.getName());
                    return FlowReturn.ERROR;
                }
                try {
                    listener.onSample(data.asReadOnlyBuffer(), buffer.getPresentationTimestamp());
                } finally {
                    buffer.unmap();
                }
            } finally {
                buffer.dispose();
            }
        } catch (RuntimeException e) {
            // The top of our code on a GStreamer streaming thread: JNA would only print it.
            LOG.error("sample listener failed pipeline={}", pipeline.getName(), e);
            return FlowReturn.ERROR;
        } finally {
            sample.dispose();
        }
        return FlowReturn.OK;
    }

    private void busError(GstObject source, int code, String message) {
        synchronized (lifecycle) {
            if (closed) {
                disposeUnlessOurs(source);
                return;
            }
            String elementName = source.getName();
            disposeUnlessOurs(source);
            if (firstError.compareAndSet(null, new BusError(elementName, message))) {
                errorSeen.countDown();
            }
            listener.onError(elementName, message);
        }
    }

    private void busEndOfStream(GstObject source) {
        synchronized (lifecycle) {
            disposeUnlessOurs(source);
            if (closed) {
                return;
            }
            if (atEnd == AtEnd.REPORT) {
                listener.onEndOfStream();
            } else if (!pipeline.seek(0)) {
                listener.onError(pipeline.getName(), "could not seek back to the start to loop");
            }
        }
    }

    /**
     * The binding hands listeners a proxy of the message's source. When we hold a proxy of that
     * element, the binding returns our very instance, which must live on; otherwise the proxy is
     * a new reference, which we release now instead of leaving it to the garbage collector.
     */
    private void disposeUnlessOurs(GstObject source) {
        if (source != pipeline && source != sink) {
            source.dispose();
        }
    }
}
