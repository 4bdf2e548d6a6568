package io.phoenixspring.autoconfigure.endpoint;

/** Startup fails with this when {@code phoenix.endpoint.secret-key-base} is not set. */
public class MissingSecretKeyBaseException extends IllegalStateException {

    public MissingSecretKeyBaseException() {
        super("phoenix.endpoint.secret-key-base is not set. Phoenix signs tokens, long-poll sessions and cookies "
                + "with it. Generate one (like mix phx.gen.secret) with\n"
                + "    java -cp phoenix-token.jar io.phoenixspring.token.SecretKeyBase\n"
                + "or SecretKeyBase.generate(), and set it, e.g. in application.yml:\n"
                + "    phoenix.endpoint.secret-key-base: ${SECRET_KEY_BASE}");
    }
}
