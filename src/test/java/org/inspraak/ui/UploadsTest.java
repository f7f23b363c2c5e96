package org.inspraak.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Red-team finding 9: a raw body far over the limit is refused after reading the limit, not held in memory. */
class UploadsTest {

    @Test
    void aHugeRawBodyIsCutOffAtTheLimit() {
        int limit = 2 * 1024 * 1024;
        AtomicLong read = new AtomicLong();
        // 300 MB of body, produced as it is read, sent without a size (as chunked transfer does).
        UploadEvent event = rawUpload(endless(300L * 1024 * 1024, read), -1);
        UploadHandler handler = Uploads.inMemory(limit, (meta, bytes) -> {
            throw new AssertionError("an oversized upload must not be accepted");
        });
        assertThatThrownBy(() -> handler.handleUploadRequest(event)).isInstanceOf(IOException.class);
        assertThat(read.get()).isLessThanOrEqualTo(limit + 1L + 8192);
        assertThat(handler.getFileSizeMax()).isEqualTo(limit);
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedBeforeReading() {
        AtomicLong read = new AtomicLong();
        UploadEvent event = rawUpload(endless(3 * 1024 * 1024, read), 3 * 1024 * 1024);
        UploadHandler handler = Uploads.inMemory(2 * 1024 * 1024, (meta, bytes) -> {
            throw new AssertionError("an oversized upload must not be accepted");
        });
        assertThatThrownBy(() -> handler.handleUploadRequest(event)).isInstanceOf(IOException.class);
        assertThat(read.get()).isZero();
    }

    private static UploadEvent rawUpload(ServletInputStream body, long declaredSize) {
        var request = new HttpServletRequestWrapper(new MockHttpServletRequest("POST", "/VAADIN/dynamic/upload")) {
            @Override
            public ServletInputStream getInputStream() {
                return body;
            }
        };
        return new UploadEvent(
                new VaadinServletRequest(request, null),
                null,
                null,
                "poster.png",
                declaredSize,
                "image/png",
                null,
                null);
    }

    private static ServletInputStream endless(long size, AtomicLong read) {
        InputStream data = new InputStream() {
            long left = size;

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                left--;
                read.incrementAndGet();
                return 'x';
            }
        };
        return new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return data.read();
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {}
        };
    }
}
