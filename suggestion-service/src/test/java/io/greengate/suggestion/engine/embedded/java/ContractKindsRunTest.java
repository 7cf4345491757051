package io.greengate.suggestion.engine.embedded.java;

import io.greengate.suggestion.Diffs;
import io.greengate.suggestion.analysis.ChangeAnalyzer;
import io.greengate.suggestion.diff.UnifiedDiffParser;
import io.greengate.suggestion.engine.GenerationRequest;
import io.greengate.suggestion.engine.SuggestedTest;
import io.greengate.suggestion.engine.embedded.EmbeddedEngine;
import io.greengate.suggestion.engine.embedded.KindPriors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.greengate.suggestion.engine.embedded.EngineRuns.code;
import static io.greengate.suggestion.engine.embedded.EngineRuns.compileAndRunAll;
import static io.greengate.suggestion.engine.embedded.EngineRuns.suggest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contract kinds run for real (javac + JUnit 5): round trips (also of inherited methods that run a changed override),
 * object contracts, enum constants, record components and distance identities.
 */
class ContractKindsRunTest {

    static final String CODEC_JAVA = """
            package org.example.codec;

            import java.util.Arrays;

            public class HexCodec implements Comparable<HexCodec> {

                private final int width = 2;

                public static String encodeHex(byte[] data) {
                    StringBuilder out = new StringBuilder();
                    for (byte b : data) {
                        out.append(String.format("%02x", b));
                    }
                    return out.toString();
                }

                public static byte[] decodeHex(String hex) {
                    byte[] out = new byte[hex.length() / 2];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
                    }
                    return out;
                }

                public String escape(String text) {
                    return text.replace("&", "&amp;").replace("<", "&lt;");
                }

                public String unescape(String text) {
                    return text.replace("&lt;", "<").replace("&amp;", "&");
                }

                @Override
                public boolean equals(Object other) {
                    return other instanceof HexCodec codec && codec.width == width;
                }

                @Override
                public int hashCode() {
                    return Integer.hashCode(width);
                }

                @Override
                public int compareTo(HexCodec other) {
                    return Integer.compare(width, other.width);
                }

                public enum Case { LOWER, UPPER }

                public record Chunk(String text, int offset, byte[] bytes) {
                }
            }
            """;

    @Test
    void roundTripsContractsEnumsAndRecordsBecomeCasesThatCompileAndPass() throws Exception {
        String path = "src/main/java/org/example/codec/HexCodec.java";
        List<SuggestedTest> tests = suggest(path, CODEC_JAVA, 20);
        // both sides of a pair changed: one round trip per pair, written by the encoding side
        assertEquals(List.of("round-trip", "round-trip", "object-contract", "object-contract", "object-contract",
                        "enum-constants", "record-components"),
                tests.stream().map(SuggestedTest::caseKind).filter(kind -> !kind.equals("signature")).toList());
        String hex = code(tests, "HexCodecEncodeHexDecodeHexRoundTripTest");
        assertTrue(hex.contains("assertArrayEquals(original, HexCodec.decodeHex(HexCodec.encodeHex(original)));"), hex);
        String escape = code(tests, "HexCodecEscapeUnescapeRoundTripTest");
        assertTrue(escape.contains("assertEquals(original, subject.unescape(subject.escape(original)));"), escape);
        assertTrue(code(tests, "HexCodecEqualsContractTest").contains("assertFalse(subject.equals(null));"));
        assertTrue(code(tests, "HexCodecCompareToContractTest").contains("assertEquals(0, subject.compareTo(subject));"));
        String constants = code(tests, "HexCodecCaseConstantsTest");
        assertTrue(constants.contains("java.util.List.of(\"LOWER\", \"UPPER\")")
                && constants.contains("HexCodec.Case.valueOf(constant.name())"), constants);
        String record = code(tests, "HexCodecChunkRecordTest");
        assertTrue(record.contains("assertEquals(42, record.offset());")
                && record.contains("assertArrayEquals(new byte[] {0, 1, 2, 42, 127, -128, -1}, record.bytes());"), record);
        // the engine's confidence is the prior training uses for ranker-scored rows: no train/serve skew
        tests.forEach(t -> assertEquals(KindPriors.of(t.caseKind()), t.confidence(), t.caseKind()));
        tests.forEach(t -> assertEquals(t.confidence(), t.priorConfidence(), t.caseKind()));
        compileAndRunAll(path, CODEC_JAVA, tests);
    }

    static final String BLOCK_CODEC_JAVA = """
            package org.example.codec.base;

            /** Encodes in blocks; subclasses say how one block is encoded and decoded. */
            public abstract class BlockCodec {

                public byte[] encode(byte[] data) {
                    return encode(data, 0, data.length);
                }

                public byte[] encode(byte[] data, int offset, int length) {
                    return encodeBlock(java.util.Arrays.copyOfRange(data, offset, offset + length));
                }

                public byte[] decode(byte[] data) {
                    return decodeBlock(data);
                }

                public int blockSize() {
                    return 1;
                }

                protected abstract byte[] encodeBlock(byte[] block);

                protected abstract byte[] decodeBlock(byte[] block);
            }
            """;

    static final String MIRROR_CODEC_JAVA = """
            package org.example.codec;

            import org.example.codec.base.BlockCodec;

            public class MirrorCodec extends BlockCodec {

                @Override
                protected byte[] encodeBlock(byte[] block) {
                    byte[] out = new byte[block.length];
                    for (int i = 0; i < block.length; i++) {
                        out[block.length - 1 - i] = (byte) (block[i] ^ 0x5A);
                    }
                    return out;
                }

                @Override
                protected byte[] decodeBlock(byte[] block) {
                    return encodeBlock(block);
                }
            }
            """;

    @Test
    void inheritedMethodsThatRunAChangedOverrideGetTheirRoundTripWhenCiSendsTheSuperclass() throws Exception {
        String superPath = "src/main/java/org/example/codec/base/BlockCodec.java";
        String path = "src/main/java/org/example/codec/MirrorCodec.java";
        String diff = Diffs.newFile(path, MIRROR_CODEC_JAVA);
        // without the superclass: the changed methods are protected, so nothing is public to call (only a test in
        // the package may call them: observed-outcome cases, when CI observes)
        var alone = ChangeAnalyzer.analyze(UnifiedDiffParser.parse(diff), Map.of(path, MIRROR_CODEC_JAVA));
        assertEquals(List.of(), alone.symbols().stream()
                .filter(s -> s.shape() != io.greengate.suggestion.analysis.ChangedSymbol.Shape.INTERNAL).toList());
        assertEquals(List.of(), new EmbeddedEngine().generate(new GenerationRequest("github.com/acme/codec", diff,
                alone.symbols(), Map.of(path, MIRROR_CODEC_JAVA), 10)).tests());

        Map<String, String> files = Map.of(path, MIRROR_CODEC_JAVA, superPath, BLOCK_CODEC_JAVA);
        var analysis = ChangeAnalyzer.analyze(UnifiedDiffParser.parse(diff), files);
        // blockSize runs no override; encode/3 is reached too, but takes three arguments, so it pairs with nothing
        assertEquals(List.of("encode/1", "encode/3", "decode/1"), analysis.symbols().stream()
                .filter(s -> s.shape() != io.greengate.suggestion.analysis.ChangedSymbol.Shape.INTERNAL)
                .map(s -> s.name() + "/" + s.parameters().size()).toList());
        analysis.symbols().forEach(s -> assertEquals("MirrorCodec", s.owner()));
        assertEquals("MirrorCodec's override of encodeBlock", analysis.symbols().stream()
                .filter(s -> s.shape() == io.greengate.suggestion.analysis.ChangedSymbol.Shape.CALLABLE)
                .findFirst().orElseThrow().reachedFrom());
        List<SuggestedTest> tests = new EmbeddedEngine().generate(
                new GenerationRequest("github.com/acme/codec", diff, analysis.symbols(), files, 10)).tests();
        // one round trip, written by the encoding side; reached methods get no signature pins
        assertEquals(List.of("round-trip"), tests.stream().map(SuggestedTest::caseKind).toList());
        assertEquals("src/test/java/org/example/codec/MirrorCodecEncodeDecodeRoundTripTest.java", tests.get(0).testPath());
        assertTrue(tests.get(0).code().contains("MirrorCodec subject = new MirrorCodec();")
                && tests.get(0).code().contains("assertArrayEquals(original, subject.decode(subject.encode(original)));"),
                tests.get(0).code());
        compileAndRunAll(files, tests);
    }

    static final String DISTANCES_JAVA = """
            package org.example.text;

            public class TokenDistance {

                private final Integer threshold;

                public TokenDistance() {
                    this(null);
                }

                public TokenDistance(Integer threshold) {
                    this.threshold = threshold;
                }

                public Integer apply(CharSequence left, CharSequence right) {
                    if (left == null || right == null) {
                        throw new IllegalArgumentException("inputs must not be null");
                    }
                    int distance = Math.abs(left.length() - right.length());
                    for (int i = 0; i < Math.min(left.length(), right.length()); i++) {
                        if (left.charAt(i) != right.charAt(i)) {
                            distance++;
                        }
                    }
                    return threshold != null && distance > threshold ? -1 : distance;
                }

                public static double normalizedDistance(String left, String right) {
                    int longest = Math.max(left.length(), right.length());
                    return longest == 0 ? 0.0 : new TokenDistance().apply(left, right) / (double) longest;
                }

                /** A similarity under a distance's name, as some libraries have it: left alone. */
                public static float getDistance(String left, String right) {
                    return left.equals(right) ? 1f : 0f;
                }

                public static int apply(String left, int right) {
                    return left.length() - right;
                }
            }
            """;

    @Test
    void distancesBetweenEqualTextsAreZero() throws Exception {
        String path = "src/main/java/org/example/text/TokenDistance.java";
        List<SuggestedTest> tests = suggest(path, DISTANCES_JAVA, 10);
        assertEquals(List.of("apply:guard-throws", "apply:distance-identity", "normalizedDistance:distance-identity",
                        "getDistance:signature", "apply:signature"),
                tests.stream().map(t -> t.targetSymbol().replace("TokenDistance.", "") + ":" + t.caseKind()).toList());
        String identity = tests.get(1).code();
        assertTrue(identity.contains("String equal = new String(text);")
                && identity.contains("assertEquals(0, subject.apply(text, equal).intValue());")
                && identity.contains("assertEquals(0, new TokenDistance(10).apply(text, equal).intValue());"), identity);
        assertTrue(tests.get(2).code().contains("assertEquals(0.0, TokenDistance.normalizedDistance(text, equal), 1e-9);"),
                tests.get(2).code());
        compileAndRunAll(path, DISTANCES_JAVA, tests);
    }
}
