SUMMARY = "A room system image: a small systemd image with the Room Agent, for qemuarm64 and real boards"
LICENSE = "MIT"

inherit core-image

IMAGE_FEATURES += "ssh-server-dropbear"
IMAGE_INSTALL = "packagegroup-core-boot packagegroup-room-agent ${CORE_IMAGE_EXTRA_INSTALL}"

# The agent's state and a JVM need room beyond the minimal image's.
IMAGE_ROOTFS_EXTRA_SPACE = "262144"

# systemd as init manager (the unit is Type=notify with a watchdog): set in the distro or
# local.conf, which kas/qemuarm64.yml does: INIT_MANAGER = "systemd".
REQUIRED_DISTRO_FEATURES = "systemd"
inherit features_check
