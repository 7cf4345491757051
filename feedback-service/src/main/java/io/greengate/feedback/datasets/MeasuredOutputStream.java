package io.greengate.feedback.datasets;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Passes bytes through while counting them and hashing them with SHA-256: what was sent, measured as sent. */
public class MeasuredOutputStream extends FilterOutputStream {

    private final MessageDigest digest;
    private long size;

    public MeasuredOutputStream(OutputStream out) {
        super(out);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        digest.update(bytes, offset, length);
        size += length;
    }

    public long size() {
        return size;
    }

    /** The hex SHA-256 of everything written; call once, after the last write. */
    public String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
