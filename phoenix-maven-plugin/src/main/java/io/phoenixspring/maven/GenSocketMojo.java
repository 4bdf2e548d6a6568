package io.phoenixspring.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn phoenix:gen.socket -Dname=User} ({@code mix phx.gen.socket}): {@code UserSocket} with
 * token auth (a Phoenix.Token, salt {@code "user socket"}) and its ChannelTest test.
 *
 * <pre>{@code
 * mvn phoenix:gen.socket -Dname=User -Dpath=/socket
 * }</pre>
 */
@Mojo(name = "gen.socket", threadSafe = true)
public class GenSocketMojo extends AbstractGenMojo {

    /** The socket's name: {@code User} makes {@code UserSocket}. */
    @Parameter(property = "name", required = true)
    String name;

    /** The socket's path ({@code @PhoenixSocket(path = ...)}). */
    @Parameter(property = "path", defaultValue = "/socket")
    String path;

    @Override
    public void execute() throws MojoFailureException {
        String camel = Names.camel(name, "name");
        String pkg = basePackage();
        Generator gen = generator().bind("Name", camel).bind("name", Names.snake(camel)).bind("path", path)
                .javaFile("src/main/java", pkg, camel + "Socket", "Socket.java.tmpl")
                .javaFile("src/test/java", pkg, camel + "SocketTest", "SocketTest.java.tmpl");
        gen.write();
        gen.instructions("""
                {{Name}}Socket is served at {{path}} (WebSocket and long-poll) as soon as it is compiled.
                Route channels to it in its channels(routes), e.g. after mvn phoenix:gen.channel -Dname=Room:

                    routes.channel("room:*", RoomChannel.class);

                A page connects with a token signed for the user:

                    tokens.sign({{Name}}Socket.SALT, userId)   // io.phoenixspring.token.PhoenixToken
                    new Socket("{{path}}", {params: {token: window.userToken}})
                """);
    }
}
