package com.roomagent.emulator;

import com.roomagent.emulator.admin.ApproveCommand;
import com.roomagent.emulator.admin.IssueCodeCommand;
import com.roomagent.emulator.admin.PublishUpgradeCommand;
import com.roomagent.emulator.config.ConfigFiles;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.InvalidConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cloud-emulator [--config FILE] [--state-dir DIR] [--ready-file FILE]}: runs the emulator
 * until SIGTERM or SIGINT. Exit codes: 0 after a clean stop, 2 for a bad configuration or bad
 * arguments, 1 for any other failure (a port in use, an unusable state directory).
 *
 * <p>Subcommands talk to a running emulator instead: {@code issue-code} ({@link IssueCodeCommand})
 * and {@code approve} ({@link ApproveCommand}).
 */
@Command(
        name = "cloud-emulator",
        mixinStandardHelpOptions = true,
        version = "cloud-emulator 0.1.0",
        description = "Runs the Room Agent cloud emulator: signaling over HTTPS, media nodes answering STUN,"
                + " and its own CA. See docs/cloud-emulator.md.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:clean stop", "1:failure (port in use, state directory unusable)", "2:bad configuration"},
        subcommands = {IssueCodeCommand.class, ApproveCommand.class, PublishUpgradeCommand.class})
public final class CloudEmulatorCommand implements Callable<Integer> {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_BAD_CONFIGURATION = 2;

    private static final Logger log = LoggerFactory.getLogger(CloudEmulatorCommand.class);

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Configuration file (JSON). Default: the built-in six-node configuration.")
    private Path configFile;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            defaultValue = "target/cloud-emulator",
            description = "Where the CA and the admin token are kept (ca.pem, ca-key.pem, admin-token)."
                    + " Default: ${DEFAULT-VALUE}.")
    private Path stateDir;

    @Option(
            names = "--ready-file",
            paramLabel = "FILE",
            description = "Written (JSON: signalingUri, caCertificate, adminTokenFile) once everything listens;"
                    + " deleted on stop.")
    private Path readyFile;

    private final ShutdownSignal signal;

    CloudEmulatorCommand(ShutdownSignal signal) {
        this.signal = signal;
    }

    public static void main(String[] args) {
        ShutdownSignal signal = ShutdownSignal.onJvmShutdown();
        int code = new CommandLine(new CloudEmulatorCommand(signal)).execute(args);
        signal.finished(code);
        if (!signal.signalled()) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() {
        EmulatorConfig config;
        try {
            config = configFile == null ? ConfigFiles.builtInDefault() : ConfigFiles.load(configFile);
        } catch (InvalidConfigException e) {
            log.error("emulator.bad_configuration message=\"{}\"", e.getMessage());
            return EXIT_BAD_CONFIGURATION;
        }
        try {
            deleteReadyFile();
            try (CloudEmulator emulator = CloudEmulator.start(config, stateDir)) {
                if (readyFile != null) {
                    ReadyFile.of(emulator).writeTo(readyFile);
                }
                log.info(
                        "emulator.ready signalingUri={} caCertificate={} readyFile={}",
                        emulator.signalingUri(),
                        emulator.caCertificate(),
                        readyFile == null ? "-" : readyFile);
                signal.awaitStopRequest();
                log.info("emulator.stopping reason=signal");
            } finally {
                deleteReadyFile();
            }
        } catch (EmulatorStartException e) {
            log.error("emulator.start_failed failure={} message=\"{}\"", e.failure(), e.getMessage());
            return e.failure() == EmulatorStartException.Failure.INVALID_CONFIGURATION
                    ? EXIT_BAD_CONFIGURATION
                    : EXIT_FAILURE;
        } catch (IOException e) {
            log.error("emulator.ready_file_failed readyFile={} error=\"{}\"", readyFile, e.toString());
            return EXIT_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.error("emulator.interrupted");
            return EXIT_FAILURE;
        }
        log.info("emulator.exit code={}", EXIT_OK);
        return EXIT_OK;
    }

    private void deleteReadyFile() throws IOException {
        if (readyFile != null) {
            Files.deleteIfExists(readyFile);
        }
    }
}
