package com.roomagent.emulator.admin;

import com.roomagent.protocol.discovery.DiscoveryJson;
import com.roomagent.protocol.upgrade.UpgradeManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cloud-emulator publish-upgrade --version V --image FILE}: publishes a software image on a
 * running emulator's upgrade service, which signs its manifest with the emulator's
 * upgrade-signing key, and prints the manifest (JSON) on standard output.
 */
@Command(
        name = "publish-upgrade",
        mixinStandardHelpOptions = true,
        description = "Publishes a software image on a running cloud emulator's upgrade service (signed manifest).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:published", "1:emulator not reachable, image unreadable, or refused", "2:bad arguments"})
public final class PublishUpgradeCommand implements Callable<Integer> {
    @Mixin
    private TargetOptions target;

    @Option(names = "--version", required = true, paramLabel = "VERSION", description = "Semantic version, e.g. 1.4.0.")
    private String version;

    @Option(names = "--image", required = true, paramLabel = "FILE", description = "The image file (at most 256 MiB).")
    private Path image;

    @Option(
            names = "--upgrade-path",
            paramLabel = "PATH",
            defaultValue = "/upgrades",
            description = "The upgrade URL's path on the emulator. Default: ${DEFAULT-VALUE}.")
    private String upgradePath;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (target.conflicting()) {
            err.println("cloud-emulator publish-upgrade: use --ready-file or --url, not both");
            err.flush();
            return TargetOptions.EXIT_USAGE;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(image);
        } catch (IOException e) {
            err.println("cloud-emulator publish-upgrade: cannot read the image " + image + ": " + e.getMessage());
            err.flush();
            return TargetOptions.EXIT_FAILED;
        }
        UpgradeManifest manifest;
        try {
            manifest = AdminClient.of(target.target()).publishUpgrade(upgradePath, version, bytes);
        } catch (AdminClientException e) {
            err.println("cloud-emulator publish-upgrade: " + e.getMessage());
            err.flush();
            return TargetOptions.EXIT_FAILED;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(DiscoveryJson.mapper().writeValueAsString(manifest));
        out.flush();
        return TargetOptions.EXIT_OK;
    }
}
