package dev.ferry.dialect.postgres;

import dev.ferry.error.FerryFailure;

import java.util.Locale;

/** The name of a sync job's replication slot and publication: {@code ferry_<job>}. */
final class PostgresCdcNames {
  private PostgresCdcNames() {}

  /**
   * {@code ferry_} and the job id in lower case; a slot name allows only lower-case letters,
   * digits and underscores, at most 63 of them.
   */
  static String of(String job) {
    String name = "ferry_" + job.toLowerCase(Locale.ROOT);
    if (!name.matches("[a-z0-9_]{1,63}")) {
      throw FerryFailure.of("SYNC_SETUP", "sync job id '" + job
          + "' cannot name a replication slot (letters, digits and _ only, at most 57)");
    }
    return name;
  }
}
