package org.trellis.api.system;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.trellis.api.shared.Ids;
import org.trellis.api.shared.Ids.TypedId;
import org.trellis.api.shared.NotFoundException;
import org.trellis.graphql.GlobalId;

/**
 * Binds a global id string to the typed id its argument or input field declares. An id of another type, or one that
 * does not decode, fails the binding; {@link GraphQlErrors} answers that failure NOT_FOUND, the same answer as an id
 * of the right type that names nothing the caller may see.
 */
final class TypedIdConverter implements GenericConverter {

    private static final ClassValue<Constructor<?>> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
            try {
                return type.getDeclaredConstructor(UUID.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no (UUID) constructor", e);
            }
        }
    };

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, TypedId.class));
    }

    @Override
    public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Class<? extends TypedId> idClass = (Class<? extends TypedId>) targetType.getType();
        return decode((String) source, idClass);
    }

    /** Decodes {@code globalId} as an id of {@code idClass}'s type, or throws NotFound. */
    static <T extends TypedId> T decode(String globalId, Class<T> idClass) {
        String type = Ids.typeName(idClass);
        UUID id = GlobalId.decode(globalId, type).orElseThrow(() -> new NotFoundException(type));
        try {
            return idClass.cast(CONSTRUCTORS.get(idClass).newInstance(id));
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot construct " + idClass, e);
        }
    }
}
