package dev.ferry.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ferry.config.DatabaseSpec;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secrets handed to the JVM never leave it in a message, whoever wrote the message. */
class SecretsTest {
  @Test void findsTheSecretsInsideUrls() {
    assertEquals(List.of("s3cretPw"), Secrets.inUrl("jdbc:mariadb://root:s3cretPw@127.0.0.1:3306/test"));
    assertEquals(List.of("a1", "b2"),
        Secrets.inUrl("jdbc:postgresql://h/db?user=u&password=a1&sslpassword=b2"));
    assertEquals(List.of("pw9"), Secrets.inUrl("jdbc:h2:tcp://h/x;USER=a;PASSWORD=pw9;IFEXISTS=TRUE"));
    assertEquals(List.of(), Secrets.inUrl("jdbc:sqlite:/tmp/a:b@c.db"));
  }

  @Test void aDriversMessageQuotingAUrlPasswordIsScrubbed() {
    new DatabaseSpec("m", "jdbc:mariadb://root:Zq7uRLpw@127.0.0.1:3306/test", null, null, null,
        false, 10);
    // MariaDB's driver reads the password as part of the port when the URL has user-info.
    SQLException driver = new SQLException("Incorrect port value : Zq7uRLpw@127.0.0.1", "08000");
    FerryFailure f = FerryFailure.wrap(driver, "connecting");
    assertFalse(f.getMessage().contains("Zq7uRLpw"), f.getMessage());
    assertFalse(f.toString().contains("Zq7uRLpw"), f.toString());
    FerryFailure g = FerryFailure.of("JVM_ERROR", "x").with("detail", List.of("at Zq7uRLpw@h"));
    assertFalse(g.toString().contains("Zq7uRLpw"), g.toString());
  }

  @Test void shortSecretsAreMaskedOnlyWhereTheyStandAlone() {
    Secrets.register("q9");
    assertEquals("user ***, q9x stays", Secrets.scrub("user q9, q9x stays"));
  }
}
