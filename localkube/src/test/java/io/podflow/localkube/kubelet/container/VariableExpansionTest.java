package io.podflow.localkube.kubelet.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableExpansionTest {

    private final Map<String, String> env = Map.of("POD_IP", "127.0.3.4", "PORT", "6122");

    @Test
    void knownVariablesAreReplacedAndUnknownOnesKeptVerbatim() {
        assertEquals("--host 127.0.3.4:6122 $(MISSING)", VariableExpansion.expand("--host $(POD_IP):$(PORT) $(MISSING)", env));
    }

    @Test
    void doubleDollarEscapesAReference() {
        assertEquals("$(POD_IP) costs $5", VariableExpansion.expand("$$(POD_IP) costs $5", env));
    }

    @Test
    void unterminatedReferenceAndShellSyntaxStayAsWritten() {
        assertEquals("$(POD_IP ${HOME} $PORT", VariableExpansion.expand("$(POD_IP ${HOME} $PORT", env));
    }
}
