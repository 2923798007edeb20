package dev.steward.activities.snapshot;

import dev.steward.workflows.host.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** The permanent failure every snapshot problem ends in. */
final class Failures {
  private Failures() {}

  /** A {@link FailureTypes#SNAPSHOT_FAILED} failure with a one-line message for people. */
  static ApplicationFailure snapshotFailed(String message) {
    return ApplicationFailure.newNonRetryableFailure(
        message.replace('\n', ' '), FailureTypes.SNAPSHOT_FAILED);
  }

  /** What went wrong with a file, in words: the JDK's messages are often just a path. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return e.getMessage() + " does not exist";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied: " + e.getMessage();
    }
    if (e instanceof DirectoryNotEmptyException) {
      return e.getMessage() + " is a directory that is not empty";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getFile() + ": " + fs.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
