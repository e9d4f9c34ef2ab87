package com.roomagent.agent.upgrade;

import java.nio.file.Path;

/** Installs a verified image: the seam between the agent and the device's update mechanism. */
@FunctionalInterface
public interface Installer {
    /**
     * Installs {@code image}, whose size, digest and signed manifest were verified, as {@code
     * version}. The image is deleted once this returns or throws.
     *
     * @throws InstallFailedException when the installation did not succeed
     * @throws InterruptedException when the agent stops during the installation
     */
    void install(Path image, String version) throws InstallFailedException, InterruptedException;
}
