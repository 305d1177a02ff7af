package org.callcentre.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A server that cannot start for its users file says which file, which lines and why, without a stack trace. */
class UsersFileFailureAnalyzer extends AbstractFailureAnalyzer<UsersFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UsersFileException cause) {
        return new FailureAnalysis("The users of the API could not be read: " + cause.getMessage(),
                "Correct the file (callcentre.security.users-file), or write its lines with\n"
                        + "  java -jar callcentre-deploy.jar add-user " + cause.file() + " NAME ROLE[,ROLE...]",
                cause);
    }
}
