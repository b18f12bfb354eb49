package id.ossgateway.registry;

import java.time.Instant;

/** A regional office (Organisasi Perangkat Daerah) with the person to call about its systems. */
public record Opd(String code, String name, String contactName, String contactEmail, String contactPhone,
                  Instant createdAt) {
}
