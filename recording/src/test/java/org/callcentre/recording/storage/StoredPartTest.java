package org.callcentre.recording.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoredPartTest {

    @Test
    void aCallIdThatWouldEscapeTheStoreIsRefused() {
        assertThatThrownBy(() -> new StoredPart("../etc", "passwd")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("call id '../etc' is not a safe storage name");
        assertThatThrownBy(() -> new StoredPart("call-1", "a/b")).isInstanceOf(IllegalArgumentException.class);
    }
}
