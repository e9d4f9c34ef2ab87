package com.roomagent.emulator.admin;

import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every admin subcommand shares: where the running emulator is. With {@code
 * --ready-file} everything comes from that file; otherwise {@code --url} (default {@link
 * EmulatorTarget#DEFAULT_URI}) with {@code ca.pem} and {@code admin-token} from {@code --state-dir}.
 */
public final class TargetOptions {
    /** The request succeeded. */
    public static final int EXIT_OK = 0;
    /** The emulator is not reachable, or refused the request. */
    public static final int EXIT_FAILED = 1;
    /** Bad arguments (picocli's usage exit code). */
    public static final int EXIT_USAGE = 2;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            defaultValue = "target/cloud-emulator",
            description = "The running emulator's state directory (ca.pem, admin-token). Default: ${DEFAULT-VALUE}.")
    private Path stateDir;

    @Option(
            names = "--ready-file",
            paramLabel = "FILE",
            description = "The running emulator's ready file: its URI, CA certificate and admin token are read from"
                    + " it. Not with --url.")
    private Path readyFile;

    @Option(
            names = "--url",
            paramLabel = "URI",
            description = "The running emulator's signaling URI. Default: https://127.0.0.1:443 (the built-in"
                    + " configuration).")
    private URI url;

    /**
     * The target these options name.
     *
     * @throws AdminClientException when both {@code --ready-file} and {@code --url} are given (the
     *     caller reports it as a usage error), or the ready file is missing or unreadable
     */
    EmulatorTarget target() throws AdminClientException {
        if (readyFile != null && url != null) {
            throw new AdminClientException("use --ready-file or --url, not both");
        }
        if (readyFile != null) {
            return EmulatorTarget.fromReadyFile(readyFile);
        }
        return EmulatorTarget.of(url == null ? EmulatorTarget.DEFAULT_URI : url, stateDir);
    }

    /** Whether the options contradict each other, which is a usage error rather than a failure. */
    boolean conflicting() {
        return readyFile != null && url != null;
    }
}
