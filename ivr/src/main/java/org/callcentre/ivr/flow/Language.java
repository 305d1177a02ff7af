package org.callcentre.ivr.flow;

import java.util.Arrays;
import java.util.Optional;

/** The prompt sets the hotline speaks; the code is the prompt sub-directory (prompts/en, prompts/zh). */
enum Language {
    ENGLISH("en"),
    CHINESE("zh");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static Optional<Language> ofCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}
