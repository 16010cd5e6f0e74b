package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A PromQL error is said at the line and column of the expression as the admin wrote it. */
class ExprSyntaxTest {
    @Test
    void placeholdersKeepTheirColumns() {
        String expr = "sum by (instance (up{instance=~\"$instances\"})";
        String probe = ExprSyntax.sameColumns(expr);
        assertEquals(expr.length(), probe.length());
        assertEquals("sum by (instance (up{instance=~\"xxxxxxxxxx\"})", probe);
    }

    @Test
    void anInlineQuotedOrBlockExpressionIsLocatedInTheFile() {
        List<String> inline =
                List.of(
                        "checks:",
                        "  - id: broken",
                        "    expr: sum by (instance (up)",
                        "    rules: []");
        assertEquals(
                new ExprSyntax.At(3, 28, "parse error: unexpected \"(\""),
                ExprSyntax.locate("1:18: parse error: unexpected \"(\"", inline, 2).orElseThrow());
        List<String> quoted = List.of("- id: q", "  expr: \"rate(x[5m]\"");
        assertEquals(
                8 + 1 + 12,
                ExprSyntax.locate("1:12: parse error: x", quoted, 1).orElseThrow().column());
        List<String> block =
                List.of(
                        "- id: b",
                        "  expr: |",
                        "    sum by (instance) (",
                        "      up{instance=~\"$instances\"} +",
                        "    )",
                        "  rules: []");
        ExprSyntax.At at =
                ExprSyntax.locate("3:1: parse error: unexpected \")\"", block, 1).orElseThrow();
        assertEquals(5, at.line());
        assertEquals(5, at.column());
    }
}
