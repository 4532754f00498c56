package org.trellis.api.scim;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.jsonbGetAttributeAsText;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.trellis.persistence.jooq.Tables.PERSON;
import static org.trellis.persistence.jooq.Tables.SCIM_USER_ATTRIBUTES;
import static org.trellis.persistence.jooq.Tables.TEAM;
import static org.trellis.persistence.jooq.Tables.TEAM_MEMBER;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.Field;
import org.trellis.api.people.PersonStatus;
import org.trellis.api.people.Team;

/**
 * What SCIM filters may name, per resource type, and the SQL each attribute reads: {@link #USERS} over
 * {@code person} (name parts from {@code scim_user_attributes}), {@link #GROUPS} over {@code team}. Keys are attribute
 * paths in lower case (attribute names are case-insensitive, RFC 7643 §2.1). Text attributes are case-insensitive
 * unless their schema says {@code caseExact} (externalId). Rendered but not filterable: {@code timezone},
 * {@code meta.location}, the enterprise extension and the name's middle name and honorifics.
 */
record ScimFilterAttributes(String schema, Map<String, Column> attributes, Map<String, Values> multiValued) {

    static final ScimFilterAttributes USERS = new ScimFilterAttributes(
            ScimUserMapping.USER,
            Map.of(
                    "id", new Column.Id(PERSON.ID),
                    "externalid", new Column.Text(PERSON.EXTERNAL_ID, true),
                    "username", new Column.Text(PERSON.USER_NAME, false),
                    "displayname", new Column.Text(PERSON.DISPLAY_NAME, false),
                    "name.formatted", new Column.Text(PERSON.DISPLAY_NAME, false),
                    "name.givenname", new Column.Text(namePart("givenName"), false),
                    "name.familyname", new Column.Text(namePart("familyName"), false),
                    "title", new Column.Text(PERSON.TITLE, false),
                    "active", new Column.Flag(field(PERSON.STATUS.eq(PersonStatus.ACTIVE.name()))),
                    "meta.created", new Column.Time(PERSON.CREATED_AT)),
            Map.of(
                    // Trellis keeps one address and answers it as the primary work address.
                    "emails",
                    new Values(
                            condition -> PERSON.EMAIL.isNotNull().and(condition),
                            Map.of(
                                    "value", new Column.Text(PERSON.EMAIL, false),
                                    "type", new Column.Text(inline("work"), false),
                                    "primary", new Column.Flag(inline(true)))),
                    "groups",
                    new Values(
                            condition -> exists(selectOne()
                                    .from(TEAM_MEMBER)
                                    .where(TEAM_MEMBER.TENANT_ID.eq(PERSON.TENANT_ID))
                                    .and(TEAM_MEMBER.PERSON_ID.eq(PERSON.ID))
                                    .and(TEAM_MEMBER.ROLE.eq(Team.Role.MEMBER.name()))
                                    .and(condition)),
                            Map.of("value", new Column.Id(TEAM_MEMBER.TEAM_ID)))));

    static final ScimFilterAttributes GROUPS = new ScimFilterAttributes(
            ScimSchemas.GROUP,
            Map.of(
                    "id", new Column.Id(TEAM.ID),
                    "externalid", new Column.Text(TEAM.EXTERNAL_ID, true),
                    "displayname", new Column.Text(TEAM.NAME, false),
                    "meta.created", new Column.Time(TEAM.CREATED_AT)),
            Map.of(
                    // Members are Users SCIM sees: people it deleted are no members.
                    "members",
                    new Values(
                            condition -> exists(selectOne()
                                    .from(TEAM_MEMBER)
                                    .join(PERSON)
                                    .on(PERSON.TENANT_ID.eq(TEAM_MEMBER.TENANT_ID), PERSON.ID.eq(TEAM_MEMBER.PERSON_ID))
                                    .where(TEAM_MEMBER.TENANT_ID.eq(TEAM.TENANT_ID))
                                    .and(TEAM_MEMBER.TEAM_ID.eq(TEAM.ID))
                                    .and(TEAM_MEMBER.ROLE.eq(Team.Role.MEMBER.name()))
                                    .and(PERSON.SCIM_DELETED_AT.isNull())
                                    .and(condition)),
                            Map.of(
                                    "value", new Column.Id(TEAM_MEMBER.PERSON_ID),
                                    "display", new Column.Text(PERSON.DISPLAY_NAME, false),
                                    "type", new Column.Text(inline("User"), false)))));

    /** A name part Trellis keeps for the identity provider (null when it sent none). */
    private static Field<String> namePart(String part) {
        return field(select(jsonbGetAttributeAsText(SCIM_USER_ATTRIBUTES.NAME, inline(part)))
                .from(SCIM_USER_ATTRIBUTES)
                .where(SCIM_USER_ATTRIBUTES.TENANT_ID.eq(PERSON.TENANT_ID))
                .and(SCIM_USER_ATTRIBUTES.PERSON_ID.eq(PERSON.ID)));
    }

    /** A single-valued attribute a filter may compare, by its SCIM type. */
    sealed interface Column {

        /** A string; {@code caseExact} ones compare as they are, the others ignoring case. */
        record Text(Field<String> field, boolean caseExact) implements Column {}

        /** A boolean: {@code eq}, {@code ne} and {@code pr} only (RFC 7644 §3.4.2.2). */
        record Flag(Field<Boolean> field) implements Column {}

        /** A dateTime: compared as instants. */
        record Time(Field<Instant> field) implements Column {}

        /** A resource id: {@code eq}, {@code ne} and {@code pr} only. */
        record Id(Field<UUID> field) implements Column {}
    }

    /**
     * A multi-valued complex attribute: its sub-attributes, and how to say that one of its values meets a condition
     * on them. {@code emails eq "x"} compares the {@code value} sub-attribute (RFC 7644 §3.4.2.2).
     */
    record Values(UnaryOperator<Condition> any, Map<String, Column> subAttributes) {}
}
