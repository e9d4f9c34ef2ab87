SUMMARY = "Everything a room system image needs to run the Room Agent"
LICENSE = "MIT"

inherit packagegroup

# The agent (which pulls its Java runtime and GStreamer plugins), the network tools it reads
# (ip), and CA certificates for the cloud's TLS when no trust anchors are set.
RDEPENDS:${PN} = "room-agent \
    iproute2 \
    ca-certificates \
    systemd \
"
