package id.ossgateway.osssim;

import id.ossgateway.osssim.SimulatorProperties.Faults;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulator's own controls, for integrators and the gateway's tests: the faults in force
 * ({@code /oss-sim/_faults}), the calls received ({@code /oss-sim/_calls}) and their counters
 * ({@code /oss-sim/_stats}). Names start with {@code _} so they can never clash with a PIA method.
 */
@RestController
@RequestMapping("/oss-sim")
@ConditionalOnProperty(prefix = "gateway.osssim", name = "enabled", havingValue = "true")
class SimulatorAdminController {

    private final OssSimulator simulator;
    private final SimulatorFaults faults;

    SimulatorAdminController(OssSimulator simulator, SimulatorFaults faults) {
        this.simulator = simulator;
        this.faults = faults;
    }

    @GetMapping("/_faults")
    Faults faults() {
        return faults.current();
    }

    /** Replaces the faults in force; fields left out take their defaults (no fault). */
    @PutMapping("/_faults")
    Faults replaceFaults(@Valid @RequestBody Faults replacement) {
        faults.replace(replacement);
        return faults.current();
    }

    /** Back to the faults of the configuration. */
    @DeleteMapping("/_faults")
    Faults restoreFaults() {
        faults.restore();
        return faults.current();
    }

    @GetMapping("/_calls")
    List<SimCall> calls(@RequestParam(required = false) String method) {
        return simulator.calls(method);
    }

    /** Forgets calls, counters and remembered permits (not the faults), so test cases start from zero. */
    @DeleteMapping("/_calls")
    ResponseEntity<Void> reset() {
        simulator.reset();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/_stats")
    SimCallLog.Stats stats() {
        return simulator.stats();
    }

    // e.g. an outage window that starts and ends at the same minute
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> refused(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", String.valueOf(e.getMessage())));
    }
}
