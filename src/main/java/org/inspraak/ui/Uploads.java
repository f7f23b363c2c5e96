package org.inspraak.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

/** Upload controls speak the visitor's language; Vaadin's own texts are English. */
public final class Uploads {

    private Uploads() {}

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
