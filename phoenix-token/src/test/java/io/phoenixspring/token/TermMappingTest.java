package io.phoenixspring.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java ↔ Erlang term mapping documented in the README. */
class TermMappingTest {

    private static Object roundTrip(Object value) {
        return TermDecoder.decode(TermEncoder.encode(value, AtomEncoding.UTF8));
    }

    private static String hex(Object value, AtomEncoding atoms) {
        return HexFormat.of().formatHex(TermEncoder.encode(value, atoms));
    }

    @Test
    void integersBecomeLongsOrBigIntegers() {
        assertThat(roundTrip(7)).isEqualTo(7L);
        assertThat(roundTrip(-2_147_483_649L)).isEqualTo(-2_147_483_649L);
        BigInteger huge = BigInteger.TWO.pow(300).negate();
        assertThat(roundTrip(huge)).isEqualTo(huge);
        assertThat(roundTrip(BigInteger.valueOf(5))).isEqualTo(5L);
    }

    @Test
    void floatsKeepEveryBitIncludingNegativeZero() {
        assertThat(roundTrip(-0.0)).isEqualTo(-0.0);
        assertThat(Double.doubleToRawLongBits((Double) roundTrip(-0.0))).isEqualTo(Long.MIN_VALUE);
        assertThat(roundTrip(5.0e-324)).isEqualTo(5.0e-324);
        assertThatThrownBy(() -> TermEncoder.encode(Double.NaN, AtomEncoding.UTF8))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void binariesAreStringsWhenValidUtf8AndBytesOtherwise() {
        assertThat(roundTrip("José")).isEqualTo("José");
        Object bytes = roundTrip(new byte[] {(byte) 0xFF, 0});
        assertThat(bytes).isInstanceOf(byte[].class);
        assertThat((byte[]) bytes).containsExactly(0xFF, 0);
    }

    @Test
    void nilTrueFalseAreNullAndBooleansOtherAtomsAreAtoms() {
        assertThat(roundTrip(null)).isNull();
        assertThat(roundTrip(true)).isEqualTo(true);
        assertThat(roundTrip(Atom.of("ok"))).isEqualTo(Atom.of("ok"));
        assertThat(hex(Atom.of("ok"), AtomEncoding.UTF8)).isEqualTo("8377026f6b");
        assertThat(hex(Atom.of("ok"), AtomEncoding.LATIN1)).isEqualTo("836400026f6b");
        assertThat(TermDecoder.decode(HexFormat.of().parseHex("8373026f6b"))).isEqualTo(Atom.of("ok"));
    }

    @Test
    void listsTuplesAndImproperLists() {
        assertThat(roundTrip(List.of(1, "a", List.of()))).isEqualTo(List.of(1L, "a", List.of()));
        assertThat(roundTrip(new Object[] {1, 2})).isEqualTo(List.of(1L, 2L));
        assertThat(roundTrip(Tuple.of(Atom.of("ok"), 1))).isEqualTo(Tuple.of(Atom.of("ok"), 1L));
        assertThat(roundTrip(new ImproperList(List.of(1), 2))).isEqualTo(new ImproperList(List.of(1L), 2L));
        // A list of bytes is written as Erlang's STRING_EXT, as term_to_binary does.
        assertThat(hex(List.of(104, 105), AtomEncoding.UTF8)).isEqualTo("836b00026869");
        assertThat(roundTrip(List.of(104, 105))).isEqualTo(List.of(104L, 105L));
    }

    @Test
    void mapsAreWrittenInErlangKeyOrderWhateverTheJavaOrder() {
        Map<Object, Object> scrambled = new LinkedHashMap<>();
        scrambled.put("b", 1);
        scrambled.put(Tuple.of(1), 2);
        scrambled.put(2.0, 3);
        scrambled.put(Atom.of("a"), 4);
        scrambled.put(10, 5);
        scrambled.put(List.of(1), 6);
        scrambled.put("a", 7);
        Map<Object, Object> ordered = new LinkedHashMap<>();
        ordered.put(10, 5);
        ordered.put(2.0, 3);
        ordered.put(Atom.of("a"), 4);
        ordered.put(Tuple.of(1), 2);
        ordered.put(List.of(1), 6);
        ordered.put("a", 7);
        ordered.put("b", 1);

        assertThat(TermEncoder.encode(scrambled, AtomEncoding.UTF8)).isEqualTo(TermEncoder.encode(ordered, AtomEncoding.UTF8));
        assertThat(new ArrayList<Object>(((Map<?, ?>) roundTrip(scrambled)).keySet()))
                .containsExactly(10L, 2.0, Atom.of("a"), Tuple.of(1L), List.of(1L), "a", "b");
    }

    @Test
    void nullKeysAndValuesAreNil() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(null, null);
        assertThat(roundTrip(map)).isEqualTo(map);
    }

    @Test
    void enumsAndDatesGoThroughJackson() {
        enum Role { ADMIN }
        record Event(Role role, java.time.LocalDate day) {
        }
        assertThat(roundTrip(new Event(Role.ADMIN, java.time.LocalDate.of(2024, 1, 2))))
                .isEqualTo(Map.of("role", "ADMIN", "day", "2024-01-02"));
    }

    @Test
    void publicTermsFacadeRoundTripsAndRefusesGarbage() {
        assertThat(Terms.decode(Terms.encode(Map.of("user_id", 42)))).isEqualTo(Map.of("user_id", 42L));
        assertThat(HexFormat.of().formatHex(Terms.encode(Atom.of("ok"), AtomEncoding.LATIN1))).isEqualTo("836400026f6b");
        assertThatThrownBy(() -> Terms.decode(new byte[] {(byte) 131, 112})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an acceptable Erlang term");
    }

    @Test
    void charactersAndShortsHaveTheirNaturalTerms() {
        assertThat(roundTrip('x')).isEqualTo("x");
        assertThat(roundTrip((short) 3)).isEqualTo(3L);
        assertThat(Arrays.asList(((List<?>) roundTrip(List.of(1, 256))).toArray())).containsExactly(1L, 256L);
    }
}
