package org.trellis.api.frameworks;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL {@code Level}: a level's id is its plain UUID (levels are not nodes). */
@Controller
class LevelController {

    @SchemaMapping(typeName = "Level", field = "id")
    String id(Level level) {
        return level.id().toString();
    }
}
