package com.roomagent.agent.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs {@code room-agent} in this JVM the way {@link RoomAgentCommand#main} does, but capturing
 * standard output and standard error instead of exiting. Every run reads its configuration from the
 * given directories, never from /etc/room-agent.
 */
final class InProcessCli {
    private InProcessCli() {}

    /** What one command printed and returned. */
    record Outcome(int exitCode, String out, String err) {
        /** Everything, for assertion messages. */
        String describe() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    /** Runs {@code args} as they would be typed after {@code room-agent}. */
    static Outcome run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(RoomAgentCommand.class);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args.toArray(String[]::new));
        return new Outcome(exitCode, out.toString(), err.toString());
    }

    /**
     * {@code command} with {@code --config-dir} and {@code --state-dir} pointing at the test's
     * directories, then {@code rest}.
     */
    static List<String> command(String command, Path configDir, Path stateDir, String... rest) {
        List<String> args = new ArrayList<>(
                List.of(command, "--config-dir", configDir.toString(), "--state-dir", stateDir.toString()));
        args.addAll(List.of(rest));
        return args;
    }

    /** {@code --set key=value} for each pair in {@code keyValues}. */
    static List<String> settings(String... keyValues) {
        List<String> args = new ArrayList<>();
        for (String keyValue : keyValues) {
            args.add("--set");
            args.add(keyValue);
        }
        return args;
    }
}
