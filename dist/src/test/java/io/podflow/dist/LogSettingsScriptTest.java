package io.podflow.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which logging configuration bin/config.sh gives a process for what the conf directory holds. */
class LogSettingsScriptTest {

    private static final Path CONFIG_SH = Path.of("../bin/config.sh").toAbsolutePath().normalize();

    @TempDir
    Path conf;

    @Test
    void aLog4j1FileTheBridgeTranslatesIsReadByIt() throws Exception {
        Files.copy(Path.of(getClass().getResource("/seed-conf/log4j.properties").toURI()),
                conf.resolve("log4j.properties"));

        assertEquals(List.of("-Dlog.file=/logs/jm.log", "-Dlog4j1.compatibility=true",
                "-Dlog4j.configuration=" + conf.resolve("log4j.properties")), logSettings().lines().toList());
    }

    @Test
    void aLog4j1FileWithAnAppenderTheBridgeLacksGivesOneWarningAndTheDefault() throws Exception {
        Files.writeString(conf.resolve("log4j.properties"), String.join("\n",
                "log4j.rootLogger=INFO, file, syslog",
                "log4j.appender.file=org.apache.log4j.FileAppender", "log4j.appender.file.file=${log.file}",
                "log4j.appender.syslog=com.example.log.KafkaAppender", ""));

        assertEquals(List.of("-Dlog.file=/logs/jm.log",
                "Warning: " + conf.resolve("log4j.properties") + " is a log4j 1.x configuration with appender "
                        + "'syslog' of class com.example.log.KafkaAppender, which podflow cannot translate; logging "
                        + "with the default configuration instead.",
                "-Dlog4j2.configurationFile=/home/lib/log4j2-default.properties"), logSettings().lines().toList());
    }

    @Test
    void aRootAppenderTheFileDoesNotDefineGivesTheDefault() throws Exception {
        Files.writeString(conf.resolve("log4j.properties"), "log4j.rootLogger=INFO, console\n");

        assertEquals("root logger appender 'console' that it does not define",
                logSettings().lines().toList().get(1).replaceAll(".* with (.*), which .*", "$1"));
    }

    @Test
    void aLog4j2FileUnderFlinksNameIsUsedAsIs() throws Exception {
        Files.copy(Path.of("../conf/log4j2.properties"), conf.resolve("log4j.properties"));

        assertEquals(List.of("-Dlog.file=/logs/jm.log",
                "-Dlog4j2.configurationFile=" + conf.resolve("log4j.properties")), logSettings().lines().toList());
    }

    @Test
    void log4j2PropertiesWinsOverLog4jProperties() throws Exception {
        Files.writeString(conf.resolve("log4j.properties"), "log4j.rootLogger=INFO, console\n");
        Files.copy(Path.of("../conf/log4j2.properties"), conf.resolve("log4j2.properties"));

        assertEquals(List.of("-Dlog.file=/logs/jm.log",
                "-Dlog4j2.configurationFile=" + conf.resolve("log4j2.properties")), logSettings().lines().toList());
    }

    /** log_settings' output, then its warnings. */
    private String logSettings() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", ". \"$0\"; log_settings /logs/jm.log 2>&1",
                CONFIG_SH.toString());
        builder.environment().put("FLINK_HOME", "/home");
        builder.environment().put("FLINK_CONF_DIR", conf.toString());
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }
}
