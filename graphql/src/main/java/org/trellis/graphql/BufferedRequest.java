package org.trellis.graphql;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * A request whose body was already read (and bounded) into memory: it declares the body's exact length and no
 * transfer coding, so whatever reads it next sees an ordinary, complete body. Optionally presented as another
 * method and content type (a GraphQL GET handed to the POST pipeline).
 */
public final class BufferedRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final @Nullable String method;
    /** Lower-case header name to its replacement value; a null value hides the header. */
    private final Map<String, @Nullable String> overrides = new LinkedHashMap<>();

    private BufferedRequest(
            HttpServletRequest request, byte[] body, @Nullable String method, @Nullable String contentType) {
        super(request);
        this.body = body;
        this.method = method;
        overrides.put("content-length", Integer.toString(body.length));
        overrides.put("transfer-encoding", null);
        if (contentType != null) {
            overrides.put("content-type", contentType);
        }
    }

    /** The same request, with {@code body} as its already-read body. */
    public static HttpServletRequest of(HttpServletRequest request, byte[] body) {
        return new BufferedRequest(request, body, null, null);
    }

    /** The request as a JSON POST carrying {@code body}. */
    static HttpServletRequest jsonPost(HttpServletRequest request, byte[] body) {
        return new BufferedRequest(request, body, HttpMethod.POST.name(), MediaType.APPLICATION_JSON_VALUE);
    }

    @Override
    public String getMethod() {
        return method != null ? method : super.getMethod();
    }

    @Override
    public @Nullable String getContentType() {
        String name = HttpHeaders.CONTENT_TYPE.toLowerCase(Locale.ROOT);
        return overrides.containsKey(name) ? overrides.get(name) : super.getContentType();
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public @Nullable String getHeader(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return overrides.containsKey(key) ? overrides.get(key) : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!overrides.containsKey(key)) {
            return super.getHeaders(name);
        }
        String value = overrides.get(key);
        return Collections.enumeration(value == null ? List.of() : List.of(value));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = new ArrayList<>();
        for (String name : Collections.list(super.getHeaderNames())) {
            if (!overrides.containsKey(name.toLowerCase(Locale.ROOT))) {
                names.add(name);
            }
        }
        overrides.forEach((name, value) -> {
            if (value != null) {
                names.add(name);
            }
        });
        return Collections.enumeration(names);
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }
        };
    }
}
