package io.phoenixspring.autoconfigure.live;

import io.phoenixspring.live.template.VerifiedSigils;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Phoenix LiveView settings ({@code phoenix.live-view.*}): Phoenix's {@code live_view: [signing_salt: …]}
 * endpoint option and what the {@code /live} socket tells the client.
 *
 * <pre>{@code
 * phoenix.live-view.signing-salt=Jx5-my-app-salt
 * }</pre>
 */
@ConfigurationProperties("phoenix.live-view")
public class LiveViewProperties {

    /** Whether LiveView (live routes and the /live socket) is configured. */
    private boolean enabled = true;

    /**
     * Salt of the pages' signed tokens (data-phx-session, data-phx-static, the flash of live navigation),
     * with phoenix.endpoint.secret-key-base as the secret. Changing it makes open pages reload.
     */
    private String signingSalt = "phoenix_live_view";

    /**
     * The liveview_version reported in join replies: the version of the bundled phoenix_live_view client
     * (the client logs an error when it differs from its own).
     */
    private String liveviewVersion = "1.0.19";

    /** How long a page's session token is accepted: an older page reloads when it (re)joins. */
    private Duration sessionMaxAge = Duration.ofDays(14);

    /**
     * Phoenix's static_paths: a template's ~p path whose first segment is one of these is a static file, digested from
     * the cache manifest and never checked against the router.
     */
    private List<String> staticPaths = new ArrayList<>(VerifiedSigils.DEFAULT_STATIC_PATHS);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getSigningSalt() {
        return signingSalt;
    }

    public void setSigningSalt(String signingSalt) {
        this.signingSalt = signingSalt;
    }

    public String getLiveviewVersion() {
        return liveviewVersion;
    }

    public void setLiveviewVersion(String liveviewVersion) {
        this.liveviewVersion = liveviewVersion;
    }

    public Duration getSessionMaxAge() {
        return sessionMaxAge;
    }

    public void setSessionMaxAge(Duration sessionMaxAge) {
        this.sessionMaxAge = sessionMaxAge;
    }

    public List<String> getStaticPaths() {
        return staticPaths;
    }

    public void setStaticPaths(List<String> staticPaths) {
        this.staticPaths = staticPaths;
    }
}
