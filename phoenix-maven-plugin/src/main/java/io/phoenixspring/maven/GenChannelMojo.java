package io.phoenixspring.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn phoenix:gen.channel -Dname=Room} ({@code mix phx.gen.channel}): {@code RoomChannel}
 * ({@code ping} replies, {@code shout} broadcasts) and its ChannelTest test; prints the route to add
 * to the socket.
 *
 * <pre>{@code
 * mvn phoenix:gen.channel -Dname=Room -Dsocket=UserSocket
 * }</pre>
 */
@Mojo(name = "gen.channel", threadSafe = true)
public class GenChannelMojo extends AbstractGenMojo {

    /** The channel's name: {@code Room} makes {@code RoomChannel} on {@code room:*}. */
    @Parameter(property = "name", required = true)
    String name;

    /** The socket the test connects through (a class of the base package, or a qualified name). */
    @Parameter(property = "socket", defaultValue = "UserSocket")
    String socket;

    @Override
    public void execute() throws MojoFailureException {
        String camel = Names.camel(name, "name");
        String pkg = basePackage();
        Generator gen = generator().bind("Name", camel).bind("name", Names.snake(camel)).bind("socket", socket)
                .javaFile("src/main/java", pkg, camel + "Channel", "Channel.java.tmpl")
                .javaFile("src/test/java", pkg, camel + "ChannelTest", "ChannelTest.java.tmpl");
        gen.write();
        gen.instructions("""
                Add the channel to your {{socket}}'s channels(routes):

                    routes.channel("{{name}}:*", {{Name}}Channel.class);
                """);
    }
}
