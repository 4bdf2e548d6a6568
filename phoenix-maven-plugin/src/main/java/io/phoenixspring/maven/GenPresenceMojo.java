package io.phoenixspring.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn phoenix:gen.presence} ({@code mix phx.gen.presence}). Phoenix generates a Presence
 * module; here {@code Presence} is an auto-configured bean that needs none, so this goal generates
 * what that module is for: a channel tracking its users ({@code presence_state},
 * {@code presence_diff}) and its ChannelTest test.
 *
 * <pre>{@code
 * mvn phoenix:gen.presence -Dname=Lobby -Dsocket=UserSocket
 * }</pre>
 */
@Mojo(name = "gen.presence", threadSafe = true)
public class GenPresenceMojo extends AbstractGenMojo {

    /** The channel's name: {@code Lobby} makes {@code LobbyChannel} on {@code lobby:*}. */
    @Parameter(property = "name", defaultValue = "Presence")
    String name;

    /** The socket the test connects through (its assigns hold {@code user_id}, as gen.socket's do). */
    @Parameter(property = "socket", defaultValue = "UserSocket")
    String socket;

    @Override
    public void execute() throws MojoFailureException {
        String camel = Names.camel(name, "name");
        String pkg = basePackage();
        Generator gen = generator().bind("Name", camel).bind("name", Names.snake(camel)).bind("socket", socket)
                .javaFile("src/main/java", pkg, camel + "Channel", "PresenceChannel.java.tmpl")
                .javaFile("src/test/java", pkg, camel + "ChannelTest", "PresenceChannelTest.java.tmpl");
        gen.write();
        gen.instructions("""
                Presence needs no module of its own: io.phoenixspring.presence.Presence is an auto-configured bean
                (phoenix.presence.* properties; a PresenceHandler bean for handle_metas). Add the channel to your
                {{socket}}'s channels(routes):

                    routes.channel("{{name}}:*", {{Name}}Channel.class);

                and sync it in the browser with the official client:

                    import {Presence} from "phoenix"
                    let presence = new Presence(channel)
                    presence.onSync(() => render(presence.list()))
                """);
    }
}
