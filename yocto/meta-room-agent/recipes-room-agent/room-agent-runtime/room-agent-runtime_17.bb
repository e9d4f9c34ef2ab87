SUMMARY = "The Room Agent's Java runtime: a jlink image of only the modules the agent uses"
DESCRIPTION = "OpenJDK 17 trimmed with jlink to the modules jdeps finds in the agent's shaded jar, \
plus the service providers jdeps cannot see (jdk.crypto.ec for TLS with elliptic curves). About 50 MB \
instead of a full JRE's ~200 MB (docs/benchmarks.md)."
HOMEPAGE = "https://adoptium.net"
SECTION = "devel/java"
LICENSE = "GPL-2.0-with-classpath-exception"
LIC_FILES_CHKSUM = "file://${COMMON_LICENSE_DIR}/GPL-2.0-with-classpath-exception;md5=6133e6794362eff6641708cfcc075b80"

# jlink of the build host's JDK (openjdk-17-jdk-native) links the target's jmods (openjdk-17-jdk,
# both from meta-openjdk-temurin, the same 17.0.x release): jlink is platform-neutral as long as
# the versions match.
DEPENDS = "openjdk-17-jdk-native openjdk-17-jdk"

# `jdeps --multi-release 17 --ignore-missing-deps --print-module-deps` on
# device-agent-*-all.jar, then jdk.crypto.ec (a security provider, loaded by name) and
# jdk.unsupported (sun.misc.Unsafe, used by JNA and Jackson when present).
ROOM_AGENT_JAVA_MODULES ?= "java.base,java.desktop,java.naming,java.net.http,java.scripting,java.security.jgss,java.sql,jdk.net,jdk.crypto.ec,jdk.unsupported"

S = "${WORKDIR}"

do_configure[noexec] = "1"

do_compile() {
    rm -rf ${B}/runtime
    ${STAGING_LIBDIR_NATIVE}/jvm/openjdk-17-jdk-native/bin/jlink \
        --module-path ${RECIPE_SYSROOT}${libdir}/jvm/openjdk-17-jdk/jmods \
        --add-modules ${ROOM_AGENT_JAVA_MODULES} \
        --strip-debug --no-man-pages --no-header-files --compress=2 \
        --output ${B}/runtime
}

do_install() {
    install -d ${D}${libdir}/room-agent
    cp -R --no-dereference --preserve=mode,links ${B}/runtime ${D}${libdir}/room-agent/runtime
}

FILES:${PN} = "${libdir}/room-agent/runtime"
# The JDK's binaries are prebuilt (Temurin) and already stripped.
INSANE_SKIP:${PN} += "already-stripped ldflags dev-so"
INHIBIT_PACKAGE_DEBUG_SPLIT = "1"
RDEPENDS:${PN} = "zlib"
RPROVIDES:${PN} = "java2-runtime"
