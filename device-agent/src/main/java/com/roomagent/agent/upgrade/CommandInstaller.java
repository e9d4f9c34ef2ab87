package com.roomagent.agent.upgrade;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installer hook of {@code upgrade.installCommand}: runs the command (split on spaces, no
 * shell) with the image's path as its last argument and {@code ROOM_AGENT_UPGRADE_VERSION} in its
 * environment, its output appended to {@code install.log} beside the image. Exit status 0 means
 * installed; anything else, or running longer than the timeout (then it is killed), is a failure.
 */
public final class CommandInstaller implements Installer {
    private static final Logger LOG = LoggerFactory.getLogger(CommandInstaller.class);

    private final List<String> command;
    private final Duration timeout;

    /** @param commandLine the command and its first arguments, separated by spaces */
    public CommandInstaller(String commandLine, Duration timeout) {
        this.command = Arrays.stream(commandLine.strip().split("\\s+")).toList();
        if (commandLine.isBlank()) {
            throw new IllegalArgumentException("the install command is empty");
        }
        this.timeout = timeout;
    }

    @Override
    public void install(Path image, String version) throws InstallFailedException, InterruptedException {
        List<String> arguments = new ArrayList<>(command);
        arguments.add(image.toString());
        ProcessBuilder builder = new ProcessBuilder(arguments).redirectErrorStream(true);
        builder.environment().put("ROOM_AGENT_UPGRADE_VERSION", version);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(
                image.toAbsolutePath().getParent().resolve("install.log").toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new InstallFailedException(
                    "cannot run the installer " + command.get(0) + ": " + e.getMessage()
                            + "; check upgrade.installCommand",
                    e);
        }
        LOG.info(
                "event=upgrade-install-started version={} installer={} pid={}", version, command.get(0), process.pid());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new InstallFailedException("the installer " + command.get(0) + " ran longer than "
                        + timeout.toSeconds() + " s (upgrade.installTimeout) and was killed");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
        if (process.exitValue() != 0) {
            throw new InstallFailedException("the installer " + command.get(0) + " exited with status "
                    + process.exitValue() + "; its output is in "
                    + image.toAbsolutePath().getParent().resolve("install.log"));
        }
    }
}
