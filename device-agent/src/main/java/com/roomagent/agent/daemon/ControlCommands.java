package com.roomagent.agent.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.control.ControlHandler;
import com.roomagent.agent.control.ControlJson;
import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.agent.discovery.DiscoveryService;
import com.roomagent.agent.discovery.TrustAnchorException;
import com.roomagent.agent.meeting.MeetingController;
import com.roomagent.agent.provisioning.ActivationResult;
import com.roomagent.agent.provisioning.ProvisioningService;
import com.roomagent.agent.provisioning.ProvisioningStatus;
import com.roomagent.agent.upgrade.UpgradeOutcome;
import com.roomagent.agent.upgrade.UpgradeService;
import com.roomagent.hal.HalStatus;
import com.roomagent.hal.RoomHardware;
import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.provisioning.identity.DeviceIdentity;
import com.roomagent.provisioning.identity.IdentityStoreException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's answers on the control socket (docs/provisioning.md, "The control socket"): {@code status}, {@code activate}
 * and {@code factory-reset}, and through {@link BoardCommands} {@code hal} and the emulated board's
 * {@code board-*} commands. Every answer carries the agent's state and, once the board is open, the
 * HAL's status. Runs on the control handler threads.
 */
final class ControlCommands implements ControlHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ControlCommands.class);
    /** The error of {@code upgrade-check} when the device has no upgrade checks. */
    static final String UPGRADES_OFF = "upgrades-off";
    /** The error of {@code upgrade-check} when the check could not complete. */
    static final String UPGRADE_FAILED = "upgrade-failed";
    /** The error of {@code meeting-join} before the device is provisioned. */
    static final String NOT_IN_SERVICE = "not-provisioned";
    /** The error of {@code meeting-join} or {@code meeting-leave} that the room's state refuses. */
    static final String MEETING_REFUSED = "meeting-refused";

    private final AgentDaemon daemon;
    private final Duration activationWait;
    private final BoardCommands board;
    private final MicrophoneCommands microphone;

    ControlCommands(AgentDaemon daemon, AgentConfiguration configuration) {
        this.daemon = daemon;
        this.activationWait = AgentDaemon.activationWait(configuration);
        this.board = new BoardCommands(daemon);
        this.microphone = new MicrophoneCommands(daemon);
    }

    @Override
    public ControlResponse handle(ControlRequest request, String peer) {
        return switch (request.command()) {
            case ControlRequest.ACTIVATE -> activate(request.code());
            case ControlRequest.FACTORY_RESET -> factoryReset(peer);
            case ControlRequest.HAL -> board.hal(this::status);
            case ControlRequest.BOARD_PRESS_MUTE -> board.pressMute(this::status, peer);
            case ControlRequest.BOARD_SHUTTER -> board.shutter(this::status, peer, request.closed());
            case ControlRequest.BOARD_AMBIENT_LIGHT -> board.ambientLight(this::status, peer, request.lux());
            case ControlRequest.MUTE, ControlRequest.UNMUTE, ControlRequest.MUTE_TOGGLE ->
                microphone.microphone(request.command(), this::status, peer);
            case ControlRequest.UPGRADE_CHECK -> upgradeCheck(peer);
            case ControlRequest.MEETING_JOIN -> meetingJoin(request.meeting(), peer);
            case ControlRequest.MEETING_LEAVE -> meetingLeave(peer);
            default -> status().withMessage(describe(daemon.status()));
        };
    }

    private ControlResponse meetingJoin(String meetingId, String peer) {
        Optional<MeetingController> meetings = daemon.meetings();
        if (meetings.isEmpty()) {
            return status().asFailure(
                            NOT_IN_SERVICE,
                            "The device is not provisioned yet, so it cannot join a meeting; activate it first.",
                            null);
        }
        LOG.info("event=meeting-join-requested meeting={} peer={}", meetingId, peer);
        try {
            meetings.get().join(meetingId);
        } catch (IllegalArgumentException e) {
            return status().asFailure(ControlResponse.BAD_REQUEST, e.getMessage() + ".", null);
        } catch (IllegalStateException e) {
            return status().asFailure(MEETING_REFUSED, "Not joined: " + e.getMessage() + ".", null);
        }
        return status().withMessage("Joining meeting " + meetingId + ": the cloud assigns a media node when the other"
                + " room is in; `room-agent status` shows the meeting.");
    }

    private ControlResponse meetingLeave(String peer) {
        Optional<MeetingController> meetings = daemon.meetings();
        if (meetings.isEmpty()) {
            return status().asFailure(MEETING_REFUSED, "The room is in no meeting.", null);
        }
        try {
            String left = meetings.get().leave();
            LOG.info("event=meeting-leave-requested meeting={} peer={}", left, peer);
            return status().withMessage("Left meeting " + left + ".");
        } catch (IllegalStateException e) {
            return status().asFailure(MEETING_REFUSED, "Nothing to leave: " + e.getMessage() + ".", null);
        }
    }

    private ControlResponse upgradeCheck(String peer) {
        Optional<UpgradeService> upgrades = daemon.upgrades();
        if (upgrades.isEmpty()) {
            return status().asFailure(
                            UPGRADES_OFF,
                            "Upgrade checks are off: the device is not provisioned, or upgrade.signingKey is empty (set it to"
                                    + " the organization's upgrade-signing public key).",
                            null);
        }
        LOG.info("event=upgrade-check-requested peer={}", peer);
        try {
            UpgradeOutcome outcome = upgrades.get().checkNow();
            return switch (outcome.status()) {
                case REFUSED ->
                    status().asFailure(outcome.refusal().orElseThrow().id(), outcome.message(), null);
                case FAILED -> status().asFailure(UPGRADE_FAILED, outcome.message(), null);
                default -> status().withMessage(outcome.message());
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return status().asFailure(
                            ControlResponse.INTERNAL_ERROR, "The agent is stopping; the check was abandoned.", null);
        }
    }

    private ControlResponse activate(String code) {
        ProvisioningStatus now = daemon.status();
        if (now.identity().isPresent()) {
            return alreadyProvisioned(now.identity().get());
        }
        Optional<ProvisioningEpisode> episode = daemon.provisioning();
        if (episode.isEmpty()) {
            return status().asFailure(
                            ControlResponse.BUSY, "The agent is changing state; try again in a few seconds.", null);
        }
        ActivationResult result;
        try {
            result = episode.get()
                    .service()
                    .activate(code, ProvisioningService.Source.CONTROL_SOCKET)
                    .get(activationWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return status().asFailure(
                            ControlResponse.STILL_WORKING,
                            "The cloud has not answered yet; the agent keeps trying. `room-agent status` shows the"
                                    + " outcome.",
                            null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ControlResponse.refusal(ControlResponse.INTERNAL_ERROR, "the agent is stopping");
        } catch (ExecutionException e) {
            LOG.error("event=activation-crashed error=\"{}\"", e.getCause().toString(), e.getCause());
            return ControlResponse.refusal(ControlResponse.INTERNAL_ERROR, "the activation failed; the log says why");
        }
        if (result instanceof ActivationResult.Provisioned provisioned) {
            DeviceIdentity identity = provisioned.identity();
            return response(ProvisioningStatus.provisioned(identity), Optional.empty(), hal())
                    .withMessage("Activated: this device is " + identity.deviceId() + " of organization "
                            + identity.organizationId() + ".");
        }
        if (result instanceof ActivationResult.AlreadyProvisioned already) {
            return alreadyProvisioned(already.identity());
        }
        ActivationResult.Failed failed = (ActivationResult.Failed) result;
        return status().asFailure(
                        failed.failure().failure().id(),
                        failed.failure().getMessage(),
                        failed.retryIn()
                                .map(wait -> Math.max(1, wait.toSeconds()))
                                .orElse(null));
    }

    private ControlResponse alreadyProvisioned(DeviceIdentity identity) {
        return response(ProvisioningStatus.provisioned(identity), Optional.empty(), hal())
                .asFailure(
                        ControlResponse.ALREADY_PROVISIONED,
                        "This device is already provisioned (device " + identity.deviceId() + " of organization "
                                + identity.organizationId() + "); the code was not used. To provision it again, run"
                                + " `room-agent factory-reset --yes` first.",
                        null);
    }

    private ControlResponse factoryReset(String peer) {
        LOG.warn("event=factory-reset-requested peer={}", peer);
        try {
            daemon.factoryReset();
        } catch (IdentityStoreException e) {
            return status().asFailure(
                            "storage-failed",
                            "The factory reset did not finish: " + e.getMessage() + ". Fix the cause and run it again.",
                            null);
        } catch (TrustAnchorException e) {
            return status().asFailure(
                            "configuration-error",
                            "The identity is wiped, but provisioning cannot start: " + e.getMessage(),
                            null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ControlResponse.refusal(ControlResponse.INTERNAL_ERROR, "the agent is stopping");
        }
        return status().withMessage("Factory reset done: the identity and the provisioned settings are wiped, and the"
                + " device is back in provisioning.");
    }

    private ControlResponse status() {
        return status(hal());
    }

    /** The status answer with {@code hal} as the HAL's status (taken once by the caller). */
    private ControlResponse status(Optional<HalStatus> hal) {
        ControlResponse answer = response(daemon.status(), daemon.discovery().flatMap(DiscoveryService::current), hal)
                .withCall(MicrophoneCommands.callJson(daemon))
                .withMeeting(daemon.meetings()
                        .flatMap(MeetingController::status)
                        .<JsonNode>map(meeting -> ControlJson.mapper().valueToTree(meeting))
                        .orElse(null));
        return daemon.signaling()
                .map(client -> answer.withRegistration(client.status()))
                .orElse(answer);
    }

    private Optional<HalStatus> hal() {
        return daemon.hardware().map(RoomHardware::status);
    }

    private static ControlResponse response(
            ProvisioningStatus status, Optional<DiscoveryReport> report, Optional<HalStatus> hal) {
        Optional<DeviceIdentity> identity = status.identity();
        return new ControlResponse(
                true,
                null,
                describe(status),
                null,
                status.state().id(),
                identity.map(DeviceIdentity::deviceId).orElse(null),
                identity.map(DeviceIdentity::organizationId).orElse(null),
                identity.map(DeviceIdentity::provisionedAt).orElse(null),
                status.lastFailure()
                        .map(failure ->
                                new ControlResponse.Failure(failure.failure().id(), failure.message(), failure.at()))
                        .orElse(null),
                status.pairing()
                        .map(session -> new ControlResponse.Pairing(
                                session.shortCode(), session.pairingUri(), session.expiresAt()))
                        .orElse(null),
                report.orElse(null),
                BoardCommands.json(hal).orElse(null),
                null);
    }

    private static String describe(ProvisioningStatus status) {
        if (status.identity().isPresent()) {
            DeviceIdentity identity = status.identity().get();
            return "Provisioned: device " + identity.deviceId() + " of organization " + identity.organizationId()
                    + ", since " + identity.provisionedAt() + ".";
        }
        String pairing = status.pairing()
                .map(session -> " Pairing code " + session.shortCode() + " is on the display.")
                .orElse("");
        return "Not provisioned (" + status.state().id() + ")." + pairing
                + " Activate with `room-agent activate CODE`.";
    }
}
