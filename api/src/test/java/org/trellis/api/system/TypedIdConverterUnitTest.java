package org.trellis.api.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trellis.api.shared.Ids;
import org.trellis.api.shared.Ids.PersonId;
import org.trellis.api.shared.Ids.TeamId;
import org.trellis.api.shared.Ids.TypedId;
import org.trellis.api.shared.NotFoundException;
import org.trellis.graphql.GlobalId;

class TypedIdConverterUnitTest {

    @Test
    void decodesAnIdOfTheDeclaredType() {
        UUID id = UUID.randomUUID();
        assertThat(TypedIdConverter.decode(GlobalId.encode("Person", id), PersonId.class))
                .isEqualTo(new PersonId(id));
    }

    @Test
    void refusesAnIdOfAnotherTypeAsNotFound() {
        String team = GlobalId.encode("Team", UUID.randomUUID());
        assertThatThrownBy(() -> TypedIdConverter.decode(team, PersonId.class))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Person not found.");
    }

    @Test
    void refusesWhatDoesNotDecode() {
        assertThatThrownBy(() -> TypedIdConverter.decode("bogus", TeamId.class)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyTypedIdNamesItsTypeAndCanBeBuilt() {
        Arrays.stream(TypedId.class.getPermittedSubclasses()).forEach(type -> {
            @SuppressWarnings("unchecked")
            Class<? extends TypedId> idClass = (Class<? extends TypedId>) type;
            assertThat(type.getSimpleName()).endsWith("Id");
            UUID id = UUID.randomUUID();
            assertThat(TypedIdConverter.decode(GlobalId.encode(Ids.typeName(idClass), id), idClass)
                            .value())
                    .isEqualTo(id);
        });
    }
}
