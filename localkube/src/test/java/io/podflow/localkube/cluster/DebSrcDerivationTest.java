package io.podflow.localkube.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/derive-deb-src.sh turns the machine's binary apt sources into matching source entries. */
class DebSrcDerivationTest {

    private static final Path SCRIPT = Path.of("scripts", "derive-deb-src.sh");

    @TempDir
    Path dir;

    @Test
    void deb822StanzasKeepTheirFieldsAndBecomeDebSrc() throws Exception {
        Path sources = write("debian.sources", """
                Types: deb
                # a comment inside the stanza
                URIs: http://mirror.example.org/debian
                Suites: bookworm bookworm-updates
                Components: main
                Signed-By: /usr/share/keyrings/example.gpg

                Types: deb-src
                URIs: http://mirror.example.org/debian
                Suites: bookworm
                Components: main

                Types: deb
                URIs: http://disabled.example.org/debian
                Suites: bookworm
                Components: main
                Enabled: no
                """);

        assertEquals("""
                Types: deb-src
                URIs: http://mirror.example.org/debian
                Suites: bookworm bookworm-updates
                Components: main
                Signed-By: /usr/share/keyrings/example.gpg

                """, derive(sources));
    }

    @Test
    void oneLineEntriesKeepTheirSignedByOption() throws Exception {
        Path list = write("sources.list", """
                deb [arch=amd64 signed-by=/etc/keys/example.gpg] http://mirror.example.org/debian bookworm main contrib
                deb-src http://mirror.example.org/debian bookworm main
                deb http://security.example.org/debian-security bookworm-security main # trailing comment
                """);

        assertEquals("""
                Types: deb-src
                URIs: http://mirror.example.org/debian
                Suites: bookworm
                Components: main contrib
                Signed-By: /etc/keys/example.gpg

                Types: deb-src
                URIs: http://security.example.org/debian-security
                Suites: bookworm-security
                Components: main

                """, derive(list));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static String derive(Path file) throws Exception {
        Process process = new ProcessBuilder("bash", SCRIPT.toString(), file.toString()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), errors);
        return output;
    }
}
