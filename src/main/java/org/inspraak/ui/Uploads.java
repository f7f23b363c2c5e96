package org.inspraak.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.InMemoryUploadCallback;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;

/** Upload controls that speak the visitor's language and never read more than their limit into memory. */
public final class Uploads {

    private Uploads() {}

    /**
     * Like {@link UploadHandler#inMemory}, but reads at most {@code maxBytes} (plus one, to notice the excess) of the
     * body, whatever the request says of its size. Vaadin's own in-memory handler reads a raw (non-multipart) body to
     * its end, and {@link Upload#setMaxFileSize} is only checked in the browser.
     */
    public static UploadHandler inMemory(int maxBytes, InMemoryUploadCallback callback) {
        return new UploadHandler() {
            @Override
            public void handleUploadRequest(UploadEvent event) throws IOException {
                if (event.getFileSize() > maxBytes) {
                    throw new IOException("upload of " + event.getFileSize() + " bytes exceeds " + maxBytes);
                }
                byte[] bytes;
                try (InputStream in = event.getInputStream()) {
                    bytes = in.readNBytes(maxBytes + 1);
                }
                if (bytes.length > maxBytes) {
                    throw new IOException("upload exceeds " + maxBytes + " bytes");
                }
                UploadMetadata meta = new UploadMetadata(event.getFileName(), event.getContentType(), bytes.length);
                event.getUI().access(() -> {
                    try {
                        callback.complete(meta, bytes);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }

            @Override
            public long getFileSizeMax() {
                return maxBytes;
            }
        };
    }

    public static Upload translated(Upload upload) {
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles()
                        .setOne(upload.getTranslation("upload.add-file"))
                        .setMany(upload.getTranslation("upload.add-files")))
                .setDropFiles(new UploadI18N.DropFiles()
                        .setOne(upload.getTranslation("upload.drop-file"))
                        .setMany(upload.getTranslation("upload.drop-files")))
                .setError(new UploadI18N.Error()
                        .setTooManyFiles(upload.getTranslation("upload.too-many"))
                        .setFileIsTooBig(upload.getTranslation("upload.too-big"))
                        .setIncorrectFileType(upload.getTranslation("upload.wrong-type")))
                .setFile(new UploadI18N.File()
                        .setRetry(upload.getTranslation("upload.retry"))
                        .setStart(upload.getTranslation("upload.start"))
                        .setRemove(upload.getTranslation("upload.remove"))));
        return upload;
    }
}
