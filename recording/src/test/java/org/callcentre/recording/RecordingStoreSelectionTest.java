package org.callcentre.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.callcentre.recording.storage.LocalRecordingStore;
import org.callcentre.recording.storage.RecordingStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RecordingStoreSelectionTest {

    @TempDir
    Path dir;

    private final Map<String, String> settings = new HashMap<>(Map.of(
            "callcentre.recording.spool-dir", "/spool",
            "callcentre.recording.vosk-model", "/model",
            "callcentre.recording.storage.work-dir", "/work",
            "callcentre.recording.storage.active-key", "k1",
            "callcentre.recording.storage.keys.k1", RecordingStoreContract.randomKey()));

    @Test
    void theLocalDirectoryIsTheDefault() {
        settings.put("callcentre.recording.storage.dir", dir.toString());

        RecordingProperties.Storage storage = bind().storage();

        assertThat(storage.kind()).isEqualTo(RecordingProperties.Storage.Kind.LOCAL);
        assertThat(RecordingConfiguration.recordingStore(storage)).isInstanceOf(LocalRecordingStore.class);
    }

    @Test
    void theLocalStoreNeedsItsDirectory() {
        assertThatThrownBy(() -> RecordingConfiguration.recordingStore(bind().storage()))
                .hasMessage("callcentre.recording.storage.dir is required when callcentre.recording.storage.kind=local");
    }

    @Test
    void theObjectStoreIsChosenByKindAndDefaultsToPathStyleInUsEast1() {
        settings.put("callcentre.recording.storage.kind", "s3");

        RecordingProperties.Storage storage = bind().storage();

        assertThat(storage.kind()).isEqualTo(RecordingProperties.Storage.Kind.S3);
        assertThat(storage.s3().pathStyleAccess()).isTrue();
        assertThat(storage.s3().region()).isEqualTo("us-east-1");
        assertThat(storage.s3().prefix()).isEmpty();
        assertThatThrownBy(() -> RecordingConfiguration.recordingStore(storage))
                .hasMessage("callcentre.recording.storage.s3.bucket is required when callcentre.recording.storage.kind=s3");
    }

    @Test
    void anAccessKeyWithoutItsSecretIsRefused() {
        settings.put("callcentre.recording.storage.kind", "s3");
        settings.put("callcentre.recording.storage.s3.bucket", "recordings");
        settings.put("callcentre.recording.storage.s3.access-key", "someone");

        assertThatThrownBy(() -> RecordingConfiguration.recordingStore(bind().storage()))
                .hasMessage("callcentre.recording.storage.s3.access-key is set but s3.secret-key is not");
    }

    @Test
    void theSecretNeverAppearsWhenTheSettingsAreLogged() {
        settings.put("callcentre.recording.storage.s3.access-key", "someone");
        settings.put("callcentre.recording.storage.s3.secret-key", "very-secret");

        assertThat(bind().storage().s3().toString()).contains("someone").doesNotContain("very-secret");
    }

    private RecordingProperties bind() {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bind("callcentre.recording", RecordingProperties.class).get();
    }
}
