package dev.ferry.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.config.DatabaseSpec;
import dev.ferry.dialect.ChangeCapture;
import dev.ferry.types.TableName;

import io.debezium.spi.converter.CustomConverter;
import io.debezium.spi.converter.RelationalColumn;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGobject;

/** Which columns the converter takes over, and the text it carries for them. */
class PostgresBitTextTest {
  /** A column as Debezium describes it; only its type name, length and nullability matter here. */
  private static RelationalColumn column(String typeName, int length, boolean optional) {
    return (RelationalColumn) Proxy.newProxyInstance(PostgresBitTextTest.class.getClassLoader(),
        new Class<?>[] {RelationalColumn.class}, (proxy, method, args) -> switch (method.getName()) {
          case "typeName" -> typeName;
          case "length" -> length < 0 ? OptionalInt.empty() : OptionalInt.of(length);
          case "isOptional" -> optional;
          default -> null;
        });
  }

  private record Registered(Schema schema, CustomConverter.Converter converter) {}

  private static List<Registered> register(RelationalColumn c) {
    List<Registered> out = new ArrayList<>();
    new PostgresBitText().converterFor(c, (schema, converter) -> out.add(new Registered(schema.build(), converter)));
    return out;
  }

  @Test void takesBitStringsAndLeavesBitOneABoolean() {
    assertTrue(PostgresBitText.bitString("bit", 7));
    assertTrue(PostgresBitText.bitString("varbit", 10));
    assertTrue(PostgresBitText.bitString("VARBIT", 1), "varbit(1) tells B'' from B'0'");
    assertTrue(PostgresBitText.bitString("varbit", 0), "varbit without a length");
    assertTrue(PostgresBitText.bitString("bit varying", 3));
    assertFalse(PostgresBitText.bitString("bit", 1), "bit(1) is a boolean, as Ferry reads it");
    assertFalse(PostgresBitText.bitString("bool", 1));
    assertFalse(PostgresBitText.bitString("varchar", 10));
    assertEquals(List.of(), register(column("bit", 1, true)));
    assertEquals(List.of(), register(column("text", -1, true)));
  }

  @Test void carriesTheTextUnderFerrysSchemaName() throws Exception {
    List<Registered> r = register(column("varbit", -1, true));
    assertEquals(1, r.size());
    Schema s = r.get(0).schema();
    assertEquals(Schema.Type.STRING, s.type());
    assertEquals(ChangeCapture.BIT_TEXT, s.name());
    assertTrue(s.isOptional());
    assertEquals("0010", r.get(0).converter().convert("0010"), "pgoutput hands the text: kept as it is");
    assertNull(r.get(0).converter().convert(null));
    PGobject o = new PGobject();
    o.setType("varbit");
    o.setValue("00");
    assertEquals("00", r.get(0).converter().convert(o));
    assertFalse(register(column("bit", 5, false)).get(0).schema().isOptional(), "NOT NULL stays required");
  }

  @Test void theConnectorIsToldToUseIt() {
    Map<String, String> p = PostgresCdcProperties.of(new DatabaseSpec("src", "jdbc:postgresql://h/db", "u", null,
        null, false, 10000), "A1b2C3d4", List.of(new TableName("public", "t")));
    assertEquals(PostgresBitText.class.getName(), p.get(p.get("converters") + ".type"));
  }
}
