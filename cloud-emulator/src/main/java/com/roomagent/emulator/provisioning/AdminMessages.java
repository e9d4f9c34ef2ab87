package com.roomagent.emulator.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The bodies of the administrator's endpoints that the protocol module does not define, because
 * only the cloud's own tools send them (docs/cloud-emulator.md, "Provisioning"). Their JSON is
 * written and read by {@code DiscoveryJson.mapper()}, like every other message.
 */
public final class AdminMessages {
    private AdminMessages() {}

    /**
     * The optional body of {@code POST /v1/admin/activation-codes}; absent fields take their defaults.
     *
     * @param organizationId the organization, or null for the configured default
     * @param validForSeconds the code's validity in seconds, or null for {@link
     *     Provisioning#DEFAULT_CODE_VALIDITY}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IssueCodeRequest(String organizationId, Long validForSeconds) {}

    /**
     * The optional body of {@code POST /v1/admin/pairings/{shortCode}/approve}.
     *
     * @param organizationId the organization the device joins, or null for the configured default
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApprovePairingRequest(String organizationId) {}

    /**
     * The answer to an approval.
     *
     * @param shortCode the approved pairing's short code, formatted ({@code ABCD-EFGH})
     * @param device the device as enrolled
     */
    public record PairingApproval(String shortCode, ActivatedDevice device) {
        public PairingApproval {
            Objects.requireNonNull(shortCode, "shortCode");
            Objects.requireNonNull(device, "device");
        }
    }

    /**
     * The answer to {@code GET /v1/admin/devices}.
     *
     * @param devices every enrolled device, in the order they enrolled
     */
    public record DeviceList(List<ActivatedDevice> devices) {
        public DeviceList {
            devices = List.copyOf(devices);
        }
    }
}
