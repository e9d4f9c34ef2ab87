SUMMARY = "Room Agent: the headless agent of a video-conference room device"
DESCRIPTION = "Provisions the device with an activation code, discovers the cloud's media nodes \
over UDP, TCP and TLS, and runs the room's media pipelines (GStreamer). Runs as the systemd \
service room-agent.service (Type=notify, with a watchdog)."
SECTION = "net"
# The project has no license file yet: CLOSED (no license granted) until it chooses one. Then set
# LICENSE to its SPDX identifier and LIC_FILES_CHKSUM to the file and its md5.
LICENSE = "CLOSED"

# The agent is one shaded jar, built by the project's Maven build (`mvn -pl device-agent -am
# package`) before bitbake runs: a Yocto build fetches nothing from Maven Central during
# do_compile, and a prebuilt jar keeps the image build offline and reproducible. The path defaults
# to the jar Maven leaves in this checkout; a release build points ROOM_AGENT_JAR at the released
# jar (and may fetch it with https:// and a sha256sum instead).
ROOM_AGENT_MAVEN_VERSION ?= "0.1.0-SNAPSHOT"
ROOM_AGENT_JAR ?= "${ROOM_AGENT_LAYERDIR}/../../device-agent/target/device-agent-${ROOM_AGENT_MAVEN_VERSION}-all.jar"

SRC_URI = "file://${ROOM_AGENT_JAR};subdir=jar \
           file://room-agent \
           file://room-agent.service \
           file://board.properties \
           file://agent.properties \
"

S = "${WORKDIR}"

inherit systemd useradd allarch

USERADD_PACKAGES = "${PN}"
USERADD_PARAM:${PN} = "--system --home-dir /var/lib/room-agent --no-create-home \
                       --shell /sbin/nologin --user-group --groups video,audio room-agent"

SYSTEMD_SERVICE:${PN} = "room-agent.service"
SYSTEMD_AUTO_ENABLE:${PN} = "enable"

do_configure[noexec] = "1"
do_compile[noexec] = "1"

do_install() {
    install -d ${D}${datadir}/room-agent
    install -m 0644 ${WORKDIR}/jar/$(basename ${ROOM_AGENT_JAR}) ${D}${datadir}/room-agent/room-agent.jar
    install -d ${D}${bindir}
    install -m 0755 ${WORKDIR}/room-agent ${D}${bindir}/room-agent
    install -d ${D}${systemd_system_unitdir}
    install -m 0644 ${WORKDIR}/room-agent.service ${D}${systemd_system_unitdir}/room-agent.service
    install -d -m 0755 ${D}${sysconfdir}/room-agent
    install -m 0644 ${WORKDIR}/board.properties ${D}${sysconfdir}/room-agent/board.properties
    install -m 0640 -g room-agent ${WORKDIR}/agent.properties ${D}${sysconfdir}/room-agent/agent.properties
}

FILES:${PN} += "${datadir}/room-agent ${systemd_system_unitdir}/room-agent.service"
CONFFILES:${PN} = "${sysconfdir}/room-agent/board.properties ${sysconfdir}/room-agent/agent.properties"

# The trimmed Java runtime (recipes-room-agent/room-agent-runtime), and the GStreamer elements the
# agent's pipelines name (av-pipeline: camera, H.264 and Opus send and receive, RTP and SRTP).
# No libsystemd: the agent speaks sd_notify through the C library (JNA).
RDEPENDS:${PN} = "room-agent-runtime \
    gstreamer1.0 \
    gstreamer1.0-plugins-base-app \
    gstreamer1.0-plugins-base-videotestsrc \
    gstreamer1.0-plugins-base-audiotestsrc \
    gstreamer1.0-plugins-base-videoconvertscale \
    gstreamer1.0-plugins-base-videorate \
    gstreamer1.0-plugins-base-audioconvert \
    gstreamer1.0-plugins-base-audioresample \
    gstreamer1.0-plugins-base-playback \
    gstreamer1.0-plugins-base-alsa \
    gstreamer1.0-plugins-base-opus \
    gstreamer1.0-plugins-good-rtp \
    gstreamer1.0-plugins-good-rtpmanager \
    gstreamer1.0-plugins-good-video4linux2 \
    gstreamer1.0-plugins-good-jpeg \
    gstreamer1.0-plugins-good-imagefreeze \
    gstreamer1.0-plugins-bad-srtp \
    gstreamer1.0-plugins-bad-openh264 \
    gstreamer1.0-plugins-bad-videoparsersbad \
    gstreamer1.0-plugins-ugly-x264 \
"
