package id.ossgateway.osssim;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import id.ossgateway.delivery.OssCredentials;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the embedded OSS simulator ({@code gateway.osssim.*}). Every field has a default, so
 * {@code gateway.osssim.enabled=true} alone gives a working sandbox.
 *
 * @param enabled          serve the simulator at {@code /oss-sim/}; off unless set, so production never exposes it
 * @param userKey          the {@code user_key} header the simulator accepts; defaults to the sandbox key
 * @param callLogSize      how many calls {@code /oss-sim/_calls} keeps, oldest dropped first (default 1000)
 * @param extraStatusCodes status codes accepted besides Lampiran 10, because real agencies send them
 *                         (default 46, 47, 48)
 * @param zone             the time zone of the daily outage windows (default Asia/Makassar, WITA)
 * @param faults           the faults injected from start-up; changeable at run time through {@code /oss-sim/_faults}
 * @param checkIssuedIdentifiers refuse {@code id_izin}, {@code id_proyek} and {@code oss_id} that are not identifiers
 *                         OSS issues ({@code I-…}, {@code R-…}, {@code P-…}/{@code P02-…}; "-", empty or made-up values
 *                         are refused as real OSS refuses them). Default true; false only for old test fixtures
 */
@Validated
@ConfigurationProperties("gateway.osssim")
public record SimulatorProperties(
        boolean enabled,
        @NotBlank String userKey,
        @NotNull @Min(1) @Max(1_000_000) Integer callLogSize,
        @NotNull List<@NotBlank String> extraStatusCodes,
        @NotNull ZoneId zone,
        @NotNull @Valid Faults faults,
        Boolean checkIssuedIdentifiers) {

    public SimulatorProperties {
        userKey = userKey == null ? OssCredentials.SANDBOX_KEY : userKey;
        callLogSize = callLogSize == null ? 1000 : callLogSize;
        extraStatusCodes = extraStatusCodes == null ? List.of("46", "47", "48") : List.copyOf(extraStatusCodes);
        zone = zone == null ? ZoneId.of("Asia/Makassar") : zone;
        faults = faults == null ? Faults.none() : faults;
        checkIssuedIdentifiers = checkIssuedIdentifiers == null || checkIssuedIdentifiers;
    }

    /**
     * The faults the simulator injects; also the JSON shape of {@code GET/PUT /oss-sim/_faults}. Durations
     * are written like {@code "200ms"}, {@code "2s"} or ISO-8601 {@code "PT2S"}.
     *
     * @param errorRate    share of method calls (0..1) answered with an error instead of being processed
     * @param errorCodes   the error codes to pick from at random (default [500])
     * @param latency      added to every method call (default none)
     * @param throttleRate share of method calls (0..1) answered 429 with {@code Retry-After}
     * @param retryAfter   the {@code Retry-After} of a 429, rounded up to whole seconds (default 2s)
     * @param outages      daily windows {@code "HH:mm-HH:mm"} in {@code zone}, start inclusive, end exclusive;
     *                     a window may run over midnight ({@code "23:00-01:00"})
     * @param outageCode   what every call gets during an outage (default 503)
     * @param outageFor    an outage starting now and lasting this long; in a GET, the time it has left
     * @param failNext     the next this-many method calls get {@code failNextCode}; in a GET, how many are left
     * @param failNextCode the code of {@code failNext} (default 500)
     * @param failIdIzin   id_izin to code: calls whose body carries that id_izin always get that code
     */
    public record Faults(
            @DecimalMin("0") @DecimalMax("1") double errorRate,
            @NotEmpty List<@NotNull @Min(400) @Max(599) Integer> errorCodes,
            @JsonSerialize(using = DurationJson.Writer.class) @JsonDeserialize(using = DurationJson.Reader.class)
            Duration latency,
            @DecimalMin("0") @DecimalMax("1") double throttleRate,
            @JsonSerialize(using = DurationJson.Writer.class) @JsonDeserialize(using = DurationJson.Reader.class)
            Duration retryAfter,
            List<@NotNull @Pattern(regexp = OutageWindow.SHAPE) String> outages,
            @NotNull @Min(400) @Max(599) Integer outageCode,
            @JsonSerialize(using = DurationJson.Writer.class) @JsonDeserialize(using = DurationJson.Reader.class)
            Duration outageFor,
            @Min(0) int failNext,
            @NotNull @Min(400) @Max(599) Integer failNextCode,
            Map<String, @NotNull @Min(400) @Max(599) Integer> failIdIzin) {

        public Faults {
            errorCodes = errorCodes == null ? List.of(500) : List.copyOf(errorCodes);
            latency = latency == null ? Duration.ZERO : latency;
            retryAfter = retryAfter == null ? Duration.ofSeconds(2) : retryAfter;
            outages = outages == null ? List.of() : List.copyOf(outages);
            outageCode = outageCode == null ? 503 : outageCode;
            failNextCode = failNextCode == null ? 500 : failNextCode;
            failIdIzin = failIdIzin == null ? Map.of() : Map.copyOf(failIdIzin);
        }

        /** No faults at all: every call is answered on its merits. */
        public static Faults none() {
            return new Faults(0, null, null, 0, null, null, null, null, 0, null, null);
        }
    }
}
