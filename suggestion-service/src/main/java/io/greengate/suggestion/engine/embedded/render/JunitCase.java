package io.greengate.suggestion.engine.embedded.render;

import io.greengate.suggestion.analysis.ChangedSymbol;

import java.util.List;

/**
 * One JUnit 5 case, before it is written into a test class of its own.
 *
 * @param kind        the case kind's name
 * @param confidence  the engine's prior confidence in it
 * @param assertions  the Assertions methods the body uses, imported statically
 * @param body        the test method's statements, continuation lines indented for the method body
 * @param observes    whether the case compares a call's outcome, as text, with what CI observed: the class then
 *                    carries the helpers that turn an outcome into text and a timeout
 */
public record JunitCase(ChangedSymbol symbol, String kind, double confidence, String className, String method,
                        List<String> assertions, String body, String rationale, boolean observes) {
}
