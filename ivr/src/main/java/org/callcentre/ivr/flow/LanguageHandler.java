package org.callcentre.ivr.flow;

import java.util.Optional;

/**
 * {@code kind: language}: one bilingual prompt, one key; no key (or a key that is not an
 * option) keeps the default language, so a caller who does nothing still gets served. A
 * language preset on the channel ({@code preset-variable}) skips the question.
 */
final class LanguageHandler implements NodeHandler<Node.LanguageChoice> {

    @Override
    public Class<Node.LanguageChoice> kind() {
        return Node.LanguageChoice.class;
    }

    @Override
    public String handle(Node.LanguageChoice node, CallSession session) throws CallerHungUp {
        Optional<Language> preset = node.presetVariable() == null ? Optional.empty()
                : session.channel().variable(node.presetVariable()).flatMap(Language::ofCode);
        if (preset.isPresent()) {
            session.journey().note("language-preset", preset.get().code());
            session.language(preset.get());
            return node.next().take(session);
        }
        String keys = node.options().keySet().stream().map(String::valueOf).reduce("", String::concat);
        Optional<Character> key = session.channel().playAndReadKey(session.prompt(node.prompt()), keys,
                node.timeout());
        if (key.isPresent()) {
            session.journey().keyPressed(key.get());
        } else {
            session.journey().noInput();
        }
        session.language(key.map(node.options()::get).orElse(node.defaultLanguage()));
        return node.next().take(session);
    }
}
