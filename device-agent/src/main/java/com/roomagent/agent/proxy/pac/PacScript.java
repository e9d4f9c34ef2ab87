package com.roomagent.agent.proxy.pac;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mozilla.javascript.BaseFunction;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.EcmaError;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.JavaScriptException;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One compiled PAC file: its JavaScript, evaluated by Mozilla Rhino, and {@code
 * FindProxyForURL(url, host)} called on demand. A PAC file is untrusted input, so the script runs
 * interpreted, with the safe standard objects only (no {@code java}, {@code Packages} or
 * LiveConnect) and a class shutter that refuses every Java class, a bounded stack, and a time
 * limit per call (the top-level code and each FindProxyForURL call) enforced by Rhino's
 * instruction observer. The helpers of the PAC format are defined (pac-helpers.js beside this
 * class, and natives below), with the Microsoft IPv6 "Ex" variants.
 *
 * <p>Thread-safe: calls are serialised (a call takes microseconds unless the script resolves
 * names, and those lookups are bounded by the same limit).
 */
public final class PacScript {
    private static final Logger LOG = LoggerFactory.getLogger(PacScript.class);
    private static final String HELPERS = "pac-helpers.js";
    private static final String HELPERS_SOURCE = readHelpers();
    private static final LimitedContextFactory FACTORY = new LimitedContextFactory();
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int STACK_DEPTH_LIMIT = 500;
    private static final int ALERT_CHARACTERS = 200;

    private final String origin;
    private final PacEnvironment environment;
    private final Duration timeLimit;
    private final ScriptableObject scope;
    private final Function findProxyForUrl;

    private PacScript(
            String origin,
            PacEnvironment environment,
            Duration timeLimit,
            ScriptableObject scope,
            Function findProxyForUrl) {
        this.origin = origin;
        this.environment = environment;
        this.timeLimit = timeLimit;
        this.scope = scope;
        this.findProxyForUrl = findProxyForUrl;
    }

    /**
     * Compiles {@code source} and runs its top-level code.
     *
     * @param origin where the script came from (its URL without credentials), for messages
     * @param timeLimit the longest the top-level code, and later each call, may run
     * @throws PacException of kind SYNTAX, SCRIPT_ERROR, JAVA_REFUSED or TIME_LIMIT
     */
    public static PacScript compile(String source, String origin, PacEnvironment environment, Duration timeLimit)
            throws PacException {
        Context context = FACTORY.enterContext();
        try {
            ScriptableObject scope = context.initSafeStandardObjects();
            installNatives(scope, environment, origin);
            context.evaluateString(scope, HELPERS_SOURCE, HELPERS, 1, null);
            Script script;
            try {
                script = context.compileString(source, origin, 1, null);
            } catch (EvaluatorException e) {
                throw new PacException(
                        PacException.Kind.SYNTAX,
                        "The PAC file " + origin + " is not valid JavaScript"
                                + (e.lineNumber() > 0 ? " at line " + e.lineNumber() : "") + ": " + e.details()
                                + ". Ask the network administrator to fix it.",
                        e);
            }
            // The limit counts the script's own run, not parsing or the engine's first class loading
            // (most of a second on a cold JVM, several on an emulated board).
            context.putThreadLocal(Deadline.class, new Deadline(timeLimit));
            try {
                script.exec(context, scope, scope);
            } catch (RhinoException | TimeLimitExceeded e) {
                throw translate(e, origin, "running its top-level code", timeLimit);
            }
            Object function = ScriptableObject.getProperty(scope, "FindProxyForURL");
            if (!(function instanceof Function)) {
                throw new PacException(
                        PacException.Kind.SYNTAX,
                        "The PAC file " + origin + " defines no FindProxyForURL(url, host) function. Ask the"
                                + " network administrator to fix it.");
            }
            return new PacScript(origin, environment, timeLimit, scope, (Function) function);
        } finally {
            Context.exit();
        }
    }

    /**
     * The script's answer for {@code url} (as the PAC format passes it) and its {@code host}: the
     * raw string, such as {@code PROXY p:3128; DIRECT}; see {@link PacDirective#parse}.
     *
     * @throws PacException of kind SCRIPT_ERROR, JAVA_REFUSED, TIME_LIMIT or BAD_RESULT
     */
    public synchronized String findProxyForUrl(String url, String host) throws PacException {
        Context context = FACTORY.enterContext();
        try {
            context.putThreadLocal(Deadline.class, new Deadline(timeLimit));
            Object result;
            try {
                result = findProxyForUrl.call(context, scope, scope, new Object[] {url, host});
            } catch (RhinoException | TimeLimitExceeded e) {
                throw translate(e, origin, "FindProxyForURL(\"" + url + "\")", timeLimit);
            }
            if (result == null || result instanceof Undefined || !(result instanceof CharSequence)) {
                throw new PacException(
                        PacException.Kind.BAD_RESULT,
                        "The PAC file " + origin + " returned " + Context.toString(result) + " for " + url
                                + ", not a string such as \"PROXY host:port; DIRECT\". Ask the network"
                                + " administrator to fix it.");
            }
            return result.toString();
        } finally {
            Context.exit();
        }
    }

    /** Where the script came from, for log lines. */
    public String origin() {
        return origin;
    }

    private static PacException translate(Throwable error, String origin, String during, Duration timeLimit) {
        if (error instanceof TimeLimitExceeded) {
            return new PacException(
                    PacException.Kind.TIME_LIMIT,
                    "The PAC file " + origin + " ran longer than " + timeLimit.toMillis() + " ms while " + during
                            + " (an endless loop, or name lookups that do not answer); it was stopped. Ask the"
                            + " network administrator to fix it, or raise network.pacTimeLimit.");
        }
        RhinoException rhino = (RhinoException) error;
        String detail = rhino.details();
        String where = rhino.lineNumber() > 0 ? " at line " + rhino.lineNumber() : "";
        if (rhino instanceof EcmaError ecma
                && "ReferenceError".equals(ecma.getName())
                && detail.matches(".*\"(java|javax|Packages|JavaImporter|JavaAdapter|org|com)\".*")) {
            return new PacException(
                    PacException.Kind.JAVA_REFUSED,
                    "The PAC file " + origin + " tried to use Java classes" + where + " (" + detail + "), which a"
                            + " PAC file may not: the agent evaluates PAC files without access to Java. Ask the"
                            + " network administrator to fix it.",
                    error);
        }
        String thrown = rhino instanceof JavaScriptException thrownValue
                ? "threw " + Context.toString(thrownValue.getValue())
                : "failed: " + detail;
        return new PacException(
                PacException.Kind.SCRIPT_ERROR,
                "The PAC file " + origin + " " + thrown + where + " while " + during + ". Ask the network"
                        + " administrator to fix it.",
                error);
    }

    private static void installNatives(ScriptableObject scope, PacEnvironment environment, String origin) {
        native1(
                scope,
                "dnsResolve",
                host -> firstIpv4(resolve(environment, host)).orElse(null));
        native1(scope, "dnsResolveEx", host -> joined(resolve(environment, host)));
        native0(
                scope,
                "myIpAddress",
                () -> firstIpv4(environment.localAddresses()).orElse("127.0.0.1"));
        native0(scope, "myIpAddressEx", () -> joined(environment.localAddresses()));
        native2(scope, "isInNetEx", (host, prefix) -> isInNetEx(resolve(environment, host), prefix));
        native1(scope, "sortIpAddressList", PacScript::sortIpAddressList);
        native1(scope, "alert", message -> {
            String text = message.length() > ALERT_CHARACTERS ? message.substring(0, ALERT_CHARACTERS) : message;
            LOG.info("event=pac-alert source={} message=\"{}\"", origin, text.replace('"', '\''));
            return Undefined.instance;
        });
        native1(scope, "__pacTime", gmt -> {
            ZonedDateTime now = ZonedDateTime.now(environment.clock());
            if (Boolean.parseBoolean(gmt)) {
                now = now.withZoneSameInstant(ZoneOffset.UTC);
            }
            Context context = Context.getCurrentContext();
            return context.newArray(scope, new Object[] {
                now.getYear(),
                now.getMonthValue() - 1,
                now.getDayOfMonth(),
                now.getDayOfWeek().getValue() % 7,
                now.getHour(),
                now.getMinute(),
                now.getSecond()
            });
        });
    }

    private static List<InetAddress> resolve(PacEnvironment environment, String host) {
        if (IPV4.matcher(host).matches() || IPV6.matcher(host).matches()) {
            try {
                return List.of(InetAddress.getByName(host)); // a literal: no lookup
            } catch (UnknownHostException e) {
                return List.of();
            }
        }
        // Set by the evaluation on this thread; the script cannot reach it.
        Deadline deadline = (Deadline) Context.getCurrentContext().getThreadLocal(Deadline.class);
        Duration left = deadline.remaining();
        if (left.isZero()) {
            throw new TimeLimitExceeded();
        }
        List<InetAddress> addresses = environment.resolve(host, left);
        if (deadline.remaining().isZero()) {
            throw new TimeLimitExceeded();
        }
        return addresses;
    }

    private static Optional<String> firstIpv4(List<InetAddress> addresses) {
        return addresses.stream()
                .filter(Inet4Address.class::isInstance)
                .map(InetAddress::getHostAddress)
                .findFirst();
    }

    private static String joined(List<InetAddress> addresses) {
        return addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(";"));
    }

    /** Microsoft's isInNetEx(host, "prefix/length"), for IPv4 and IPv6. */
    private static Object isInNetEx(List<InetAddress> addresses, String prefix) {
        int slash = prefix.indexOf('/');
        if (slash < 0 || addresses.isEmpty()) {
            return Boolean.FALSE;
        }
        byte[] network;
        int length;
        try {
            String address = prefix.substring(0, slash);
            if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
                return Boolean.FALSE;
            }
            network = InetAddress.getByName(address).getAddress();
            length = Integer.parseInt(prefix.substring(slash + 1));
        } catch (UnknownHostException | NumberFormatException e) {
            return Boolean.FALSE;
        }
        for (InetAddress candidate : addresses) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length == network.length
                    && length >= 0
                    && length <= bytes.length * 8
                    && samePrefix(bytes, network, length)) {
                return Boolean.TRUE;
            }
        }
        return Boolean.FALSE;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((a[i / 8] & mask) != (b[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** Microsoft's sortIpAddressList: IPv6 before IPv4, each in ascending order; false if invalid. */
    private static Object sortIpAddressList(String list) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String item : list.split(";")) {
            String text = item.strip();
            if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
                return Boolean.FALSE;
            }
            try {
                addresses.add(InetAddress.getByName(text));
            } catch (UnknownHostException e) {
                return Boolean.FALSE;
            }
        }
        addresses.sort(Comparator.comparing((InetAddress a) -> a instanceof Inet6Address ? 0 : 1)
                .thenComparing(InetAddress::getAddress, java.util.Arrays::compareUnsigned));
        return joined(addresses);
    }

    private static void native0(ScriptableObject scope, String name, Native0 body) {
        scope.defineProperty(name, new NativeFunction(name, args -> body.call()), ScriptableObject.DONTENUM);
    }

    private static void native1(ScriptableObject scope, String name, Native1 body) {
        scope.defineProperty(
                name, new NativeFunction(name, args -> body.call(argument(args, 0))), ScriptableObject.DONTENUM);
    }

    private static void native2(ScriptableObject scope, String name, Native2 body) {
        scope.defineProperty(
                name,
                new NativeFunction(name, args -> body.call(argument(args, 0), argument(args, 1))),
                ScriptableObject.DONTENUM);
    }

    private static String argument(Object[] args, int index) {
        return index < args.length ? Context.toString(args[index]) : "undefined";
    }

    private static String readHelpers() {
        try (InputStream in = PacScript.class.getResourceAsStream(HELPERS)) {
            if (in == null) {
                throw new IllegalStateException(HELPERS + " is missing from the agent's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Native0 {
        Object call();
    }

    @FunctionalInterface
    private interface Native1 {
        Object call(String a);
    }

    @FunctionalInterface
    private interface Native2 {
        Object call(String a, String b);
    }

    @FunctionalInterface
    private interface Body {
        Object call(Object[] args);
    }

    /** A helper implemented in Java; scripts see an ordinary function. */
    private static final class NativeFunction extends BaseFunction {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final transient Body body;

        NativeFunction(String name, Body body) {
            this.name = name;
            this.body = body;
        }

        @Override
        public Object call(Context context, Scriptable scope, Scriptable thisObject, Object[] args) {
            return body.call(args);
        }

        @Override
        public String getFunctionName() {
            return name;
        }
    }

    /** When the current evaluation must stop; a wall-clock bound against runaway scripts. */
    private static final class Deadline {
        private final long endNanos;

        Deadline(Duration limit) {
            this.endNanos = System.nanoTime() + limit.toNanos();
        }

        Duration remaining() {
            long left = endNanos - System.nanoTime();
            return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
        }
    }

    /**
     * Thrown from Rhino's instruction observer when the deadline has passed. An {@link Error}, as
     * Rhino's documentation advises, so that the script's own try/catch cannot swallow it.
     */
    private static final class TimeLimitExceeded extends Error {
        private static final long serialVersionUID = 1L;

        TimeLimitExceeded() {
            super("PAC time limit exceeded", null, false, false);
        }
    }

    /** Interpreted mode, no Java classes, bounded stack, and the deadline checked every 10,000 instructions. */
    private static final class LimitedContextFactory extends ContextFactory {
        @Override
        protected Context makeContext() {
            Context context = super.makeContext();
            context.setInterpretedMode(true);
            context.setLanguageVersion(Context.VERSION_ES6);
            context.setInstructionObserverThreshold(10_000);
            context.setMaximumInterpreterStackDepth(STACK_DEPTH_LIMIT);
            context.setClassShutter(className -> false);
            return context;
        }

        @Override
        protected void observeInstructionCount(Context context, int instructionCount) {
            Object deadline = context.getThreadLocal(Deadline.class);
            if (deadline instanceof Deadline current && current.remaining().isZero()) {
                throw new TimeLimitExceeded();
            }
        }
    }
}
