package com.roomagent.agent.proxy.pac;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a PAC file over HTTP or HTTPS, always DIRECT (a PAC file cannot be fetched through the
 * proxy it chooses), within a time limit for the whole exchange and a size limit, and only with
 * a 2xx status. Thread-safe.
 */
public final class PacFetcher {
    /** The largest PAC file accepted; real ones are a few kilobytes. */
    public static final int MAX_BYTES = 1 << 20;

    private final HttpClient direct;
    private final Duration timeLimit;

    /**
     * @param direct a client without a proxy (the caller builds it: trust, connect timeout)
     * @param timeLimit the longest one fetch may take, body included
     */
    public PacFetcher(HttpClient direct, Duration timeLimit) {
        this.direct = direct;
        this.timeLimit = timeLimit;
    }

    /**
     * The PAC file at {@code url}, as text.
     *
     * @throws PacException of kind FETCH, naming the URL and why
     */
    public String fetch(URI url) throws PacException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeLimit)
                .header("Accept", "application/x-ns-proxy-autoconfig, */*")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = direct.sendAsync(request, info -> new LimitedBody());
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw failure(url, "no complete answer within " + timeLimit.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            throw failure(url, "interrupted", e);
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw failure(url, describe(cause), cause);
        }
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw failure(url, "HTTP status " + response.statusCode(), null);
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String describe(Throwable cause) {
        if (cause instanceof TooLarge) {
            return "larger than " + MAX_BYTES + " bytes";
        }
        String name = cause.getClass().getSimpleName();
        return cause.getMessage() == null ? name : name + ": " + cause.getMessage();
    }

    private static PacException failure(URI url, String why, Throwable cause) {
        return new PacException(
                PacException.Kind.FETCH,
                "The PAC file " + shown(url) + " could not be fetched (" + why + "). Check network.pacUrl, or"
                        + " the WPAD configuration of the network (docs/proxy.md).",
                cause);
    }

    /** {@code url} without user information, for messages and logs. */
    public static String shown(URI url) {
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "")
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("PAC file too large");
        }
    }

    /** Collects at most {@link #MAX_BYTES}; fails and cancels the download beyond. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > MAX_BYTES) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
