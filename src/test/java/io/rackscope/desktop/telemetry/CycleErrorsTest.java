package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rackscope.desktop.health.CycleError;
import io.rackscope.desktop.prometheus.PrometheusException;
import org.junit.jupiter.api.Test;

class CycleErrorsTest {
    @Test
    void aBatchAbandonedForTheAnswersInFlightIsNamedWithoutBlamingItsExpr() {
        CycleError e =
                CycleErrors.of(
                        new PrometheusException(
                                PrometheusException.Kind.OVER_BUDGET,
                                200,
                                "the answers being read at once passed 341 MiB together"),
                        "node_temp",
                        2,
                        "http://prom");
        assertEquals(CycleError.Kind.TOO_LARGE, e.kind());
        assertEquals(
                "check node_temp: the answers being read at once passed 341 MiB together",
                e.message());
        CycleError own =
                CycleErrors.of(
                        new PrometheusException(
                                PrometheusException.Kind.TOO_LARGE, 200, "more than 50000 series"),
                        "node_temp",
                        2,
                        "http://prom");
        assertEquals(
                "check node_temp returned too much: more than 50000 series; narrow its expr (or"
                        + " raise the bound)",
                own.message());
    }
}
