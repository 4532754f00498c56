#!/bin/sh
# One-shot setup of deploy/compose.yaml: wires the Keycloak realm `demo` into Trellis as the tenant `demo`, the way a
# platform operator would. Idempotent: does nothing once the tenant exists.
#   1. a platform-operator token: client credentials of `trellis-setup` in the realm `trellis-platform`
#   2. createTenant, registerIdentityProvider (the realm's groups mapped to Trellis roles)
#   3. the client scopes `people:read` and `frameworks:read` on the Keycloak client `trellis-automation` (Keycloak admin
#      API; a realm file that declares client scopes loses Keycloak's built-in ones), and registerServiceClient for it
# Runs in Keycloak's network namespace, like Trellis, so http://localhost:8180 is the same issuer for all of them.
set -eu

KC=http://localhost:8180
API=http://localhost:8080/graphql
DEMO_ISSUER="$KC/realms/demo"
AUTOMATION_CLIENT_UUID=0b7e2c1d-8f4a-4e6b-a2d9-3c5f7a9b1e20
AUTOMATION_SUBJECT=5f0c7a52-3d6e-4b8a-9c1f-7e2d4a6b8c90

# The value of the "name":"value" pair in a one-line JSON answer (each name read here occurs once in its answer).
field() { sed -n "s/.*\"$1\" *: *\"\([^\"]*\)\".*/\1/p" | head -n 1; }
fail() { echo "setup: $*" >&2; exit 1; }

token=$(curl -fsS "$KC/realms/trellis-platform/protocol/openid-connect/token" \
  -d grant_type=client_credentials -d client_id=trellis-setup -d "client_secret=$TRELLIS_SETUP_CLIENT_SECRET" \
  | field access_token)
[ -n "$token" ] || fail "no platform-operator token from Keycloak"

graphql() {
  curl -fsS "$API" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data "$1"
}

if graphql '{"query":"{ tenants(first: 100) { edges { node { slug } } } }"}' | grep -q '"slug":"demo"'; then
  echo "setup: tenant demo already exists; nothing to do"
  exit 0
fi

answer=$(graphql '{"query":"mutation($i: CreateTenantInput!) { createTenant(input: $i) { tenant { id } userErrors { code message } } }","variables":{"i":{"slug":"demo","name":"Demo Company"}}}')
tenant=$(echo "$answer" | field id)
[ -n "$tenant" ] || fail "createTenant: $answer"

answer=$(graphql '{"query":"mutation($i: RegisterIdentityProviderInput!) { registerIdentityProvider(input: $i) { identityProvider { id } userErrors { code message } } }","variables":{"i":{"tenantId":"'"$tenant"'","displayName":"Keycloak (realm demo)","issuer":"'"$DEMO_ISSUER"'","audience":"trellis","claimMappings":{"roles":"groups"},"roleMappings":[{"claimValue":"trellis-admins","role":"TENANT_ADMIN"},{"claimValue":"trellis-managers","role":"MANAGER"},{"claimValue":"trellis-committee","role":"PROMOTION_COMMITTEE"}]}}}')
provider=$(echo "$answer" | field id)
[ -n "$provider" ] || fail "registerIdentityProvider: $answer"

admin=$(curl -fsS "$KC/realms/master/protocol/openid-connect/token" -d grant_type=password -d client_id=admin-cli \
  -d "username=$KC_BOOTSTRAP_ADMIN_USERNAME" -d "password=$KC_BOOTSTRAP_ADMIN_PASSWORD" | field access_token)
[ -n "$admin" ] || fail "no Keycloak admin token"
for scope in people:read frameworks:read; do
  location=$(curl -fsS -D - -o /dev/null "$KC/admin/realms/demo/client-scopes" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' \
    --data '{"name":"'"$scope"'","protocol":"openid-connect","attributes":{"include.in.token.scope":"true","display.on.consent.screen":"false"}}' \
    | tr -d '\r' | sed -n 's/^[Ll]ocation: .*\/\([^/]*\)$/\1/p')
  [ -n "$location" ] || fail "could not create the Keycloak client scope $scope"
  curl -fsS -X PUT -o /dev/null -H "Authorization: Bearer $admin" \
    "$KC/admin/realms/demo/clients/$AUTOMATION_CLIENT_UUID/default-client-scopes/$location"
done

answer=$(graphql '{"query":"mutation($i: RegisterServiceClientInput!) { registerServiceClient(input: $i) { serviceClient { id } userErrors { code message } } }","variables":{"i":{"identityProviderId":"'"$provider"'","subject":"'"$AUTOMATION_SUBJECT"'","name":"trellis-automation","scopes":["people:read","frameworks:read"]}}}')
[ -n "$(echo "$answer" | field id)" ] || fail "registerServiceClient: $answer"

echo "setup: tenant demo ready: people sign in through $DEMO_ISSUER (client trellis-demo), service client trellis-automation"
