package io.phoenixspring.token;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** Jackson set up to read decoded terms: atoms as their names, tuples as arrays. */
final class TermConversion {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("phoenix-terms")
                    .addSerializer(Atom.class, new ValueSerializer<Atom>() {
                        @Override
                        public void serialize(Atom value, JsonGenerator gen, SerializationContext context) {
                            gen.writeString(value.name());
                        }
                    })
                    .addKeySerializer(Atom.class, new ValueSerializer<Atom>() {
                        @Override
                        public void serialize(Atom value, JsonGenerator gen, SerializationContext context) {
                            gen.writeName(value.name());
                        }
                    })
                    .addSerializer(Tuple.class, new ValueSerializer<Tuple>() {
                        @Override
                        public void serialize(Tuple value, JsonGenerator gen, SerializationContext context) {
                            context.writeValue(gen, value.elements());
                        }
                    }))
            .build();

    private TermConversion() {
    }
}
