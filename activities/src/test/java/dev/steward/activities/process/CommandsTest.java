package dev.steward.activities.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
  @TempDir Path dir;

  @Test
  void keeps_the_last_characters_of_a_log_far_bigger_than_the_limit() throws Exception {
    // 8 MiB of lines, then a last line of multibyte characters: only the end is read.
    Path log = dir.resolve("service.log");
    String line = "x".repeat(1023) + "\n";
    Files.write(log, List.of(line.repeat(8 * 1024)), StandardCharsets.UTF_8);
    String end = "é€😀 done\n";
    Files.writeString(log, end, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

    String tail = Commands.readTail(log);

    assertEquals(Commands.OUTPUT_LIMIT, tail.length());
    String whole = Files.readString(log);
    assertEquals(whole.substring(whole.length() - Commands.OUTPUT_LIMIT), tail);
  }

  @Test
  void gives_a_short_file_whole_and_a_missing_one_as_nothing() throws Exception {
    Path log = Files.writeString(dir.resolve("short.log"), "one\ntwo\n");

    assertEquals("one\ntwo\n", Commands.readTail(log));
    assertEquals("", Commands.readTail(dir.resolve("missing.log")));
  }
}
