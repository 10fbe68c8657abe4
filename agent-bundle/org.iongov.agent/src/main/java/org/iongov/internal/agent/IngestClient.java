package org.iongov.internal.agent;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * POSTs batches to the server's ingest endpoint over one kept-alive HTTP/1.1 connection, on the
 * calling thread. The JDK's HTTP client hands each request between its own threads (a selector, an
 * executor): on an engine's busy CPU, where the agent runs beside it, those wake-ups cost more than
 * the request. A connection the server closed while idle is opened again once; a batch sent again
 * is harmless (the server stores each record id once).
 */
final class IngestClient implements AutoCloseable {

    /** The server's answer. */
    record Reply(int status, String body) {
    }

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int MAX_HEADER_LINE = 16 * 1024;

    private final String host;
    private final int port;
    private final boolean tls;
    private final String requestHead;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    IngestClient(URI endpoint, String token) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the server's address must be http:// or https://, was " + endpoint);
        }
        this.tls = scheme.equals("https");
        this.host = endpoint.getHost();
        this.port = endpoint.getPort() > 0 ? endpoint.getPort() : tls ? 443 : 80;
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        String hostHeader = endpoint.getPort() > 0 ? host + ":" + port : host;
        this.requestHead = "POST " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: ";
    }

    /**
     * Sends the body and waits for the answer (up to the timeout without a byte from the server).
     * Sent again on a new connection only when a kept-alive one turns out closed before any answer
     * (the server closed it while idle, or restarted); never after a timeout, so a slow server is
     * not handed the same batch twice.
     */
    Reply post(byte[] body, Duration timeout) throws IOException {
        return post(new Body() {
            @Override
            public long length() {
                return body.length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(body);
            }
        }, timeout);
    }

    /** A request body written straight to the connection (a batch need not be copied into one array first). */
    interface Body {
        long length();

        /** Writes exactly {@link #length()} bytes; may be called again when the request is sent again. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** As {@link #post(byte[], Duration)}, the body written piece by piece. */
    Reply post(Body body, Duration timeout) throws IOException {
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        while (true) {
            boolean reused = socket != null;
            answerStarted = false;
            try {
                if (socket == null) {
                    connect(timeoutMillis);
                }
                socket.setSoTimeout(timeoutMillis);
                out.write((requestHead + body.length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                body.writeTo(out);
                out.flush();
                return readReply();
            } catch (IOException e) {
                close();
                if (!reused || answerStarted || e instanceof java.net.SocketTimeoutException) {
                    throw e;
                }
            } catch (RuntimeException e) { // (a malformed number in the answer) the connection's state is unknown
                close();
                throw new IOException("malformed answer from " + host + ":" + port + ": " + e.getMessage(), e);
            }
        }
    }

    /** Whether a byte of the current answer came: a failure after that is not a closed idle connection. */
    private boolean answerStarted;

    private void connect(int timeoutMillis) throws IOException {
        Socket s = tls ? javax.net.ssl.SSLSocketFactory.getDefault().createSocket() : new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            s.setTcpNoDelay(true);
            s.setSoTimeout(timeoutMillis); // (the TLS handshake included)
            if (s instanceof javax.net.ssl.SSLSocket ssl) {
                javax.net.ssl.SSLParameters parameters = ssl.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(parameters);
                ssl.startHandshake();
            }
            socket = s;
            in = new BufferedInputStream(s.getInputStream(), 8192);
            out = new java.io.BufferedOutputStream(s.getOutputStream(), 65536);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private Reply readReply() throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException("the server closed the connection");
        }
        answerStarted = true;
        String statusLine = (char) first + line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status: " + statusLine);
        }
        long length = -1;
        boolean chunked = false;
        boolean close = parts[0].equals("HTTP/1.0");
        for (String header; !(header = line()).isEmpty();) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close") ? true : value.equalsIgnoreCase("keep-alive") ? false : close;
                default -> {
                    // not needed
                }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (long size; (size = Long.parseLong(line().split(";", 2)[0].trim(), 16)) > 0;) {
                copy(size, body);
                line(); // the chunk's line break
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            copy(length, body);
        } else if (status != 204 && status != 304 && status / 100 != 1) {
            in.transferTo(body); // the body ends with the connection
            close = true;
        }
        if (close) {
            close();
        }
        return new Reply(status, body.toString(StandardCharsets.UTF_8));
    }

    private void copy(long bytes, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[8192];
        for (long left = bytes; left > 0;) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("the server's answer ended early");
            }
            to.write(buffer, 0, n);
            left -= n;
        }
    }

    /** A header line (ISO-8859-1, without its CRLF). */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b; (b = in.read()) != '\n';) {
            if (b < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (line.length() >= MAX_HEADER_LINE) {
                throw new IOException("an HTTP header line of over " + MAX_HEADER_LINE + " bytes");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
            in = null;
            out = null;
        }
    }
}
