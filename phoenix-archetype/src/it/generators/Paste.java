import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Does what a user does after the generators (run by the invocations before this one, their output in
 * ../build.log): pastes the router scopes they printed into AppRouter and their routes.channel lines
 * into UserSocket (gen.html's HEEx pages need no dependency: the starter brings phoenix-live-view). Run
 * in the generated project with the JDK's source launcher ({@code java ../Paste.java}); fails if a
 * printed line is missing.
 */
public class Paste {

    public static void main(String[] args) throws Exception {
        List<String> log = Files.readAllLines(Path.of("../build.log"));
        List<String> scopes = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            String line = log.get(i).strip();
            if (line.startsWith(".scope(")) {
                StringBuilder block = new StringBuilder();
                // The printed block is indented; Maven's own lines ([INFO]...) are not.
                for (int j = i; j < log.size() && log.get(j).startsWith(" ") && !log.get(j).isBlank(); j++) {
                    block.append("                ").append(log.get(j).strip()).append('\n');
                }
                scopes.add(block.toString());
            } else if (line.startsWith("routes.channel(") && !line.contains("\"room:*\"") && !channels.contains(line)) {
                channels.add(line); // gen.socket's example line (room:*) is in UserSocket already
            }
        }
        check(scopes.size() == 3, "3 router scopes (gen.json, gen.html, gen.live), printed: " + scopes);
        check(channels.size() == 2, "2 channel lines (gen.channel, gen.presence), printed: " + channels);

        String pkg = "src/main/java/com/example/hello/";
        replace(Path.of(pkg + "AppRouter.java"), "                .build();", String.join("", scopes) + "                .build();");
        String room = "        routes.channel(\"room:*\", RoomChannel.class);\n";
        replace(Path.of(pkg + "UserSocket.java"), room, room + "        " + String.join("\n        ", channels) + "\n");
        System.out.println("pasted " + scopes.size() + " scopes and " + channels);
    }

    static void replace(Path file, String anchor, String replacement) throws Exception {
        String text = Files.readString(file);
        check(text.contains(anchor), file + " has no " + anchor.strip());
        Files.writeString(file, text.replace(anchor, replacement));
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("expected " + what);
        }
    }
}
