package io.greengate.feedback.datasets;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MeasuredOutputStreamTest {

    @Test
    void itPassesBytesThroughAndMeasuresExactlyThose() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        MeasuredOutputStream measured = new MeasuredOutputStream(sink);
        byte[] text = "{\"a\":\"é\"}\n".getBytes(StandardCharsets.UTF_8);
        measured.write(text, 0, 4);
        measured.write(text[4]);
        measured.write(text, 5, text.length - 5);
        measured.flush();

        assertArrayEquals(text, sink.toByteArray());
        assertEquals(text.length, measured.size());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)), measured.sha256());
    }

    @Test
    void nothingWrittenIsTheEmptyHash() {
        MeasuredOutputStream measured = new MeasuredOutputStream(new ByteArrayOutputStream());
        assertEquals(0, measured.size());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", measured.sha256());
    }
}
