#!/bin/sh
# Imports Hearken's saved objects into Kibana once it answers (overwrite: safe to run at every start).
# Kibana has sign-in (Elasticsearch security): the import signs in as KIBANA_USER.
set -eu
auth="$KIBANA_USER:$KIBANA_PASSWORD"
until curl -fs -u "$auth" "$KIBANA_URL/api/status" | grep -q '"level":"available"'; do
  echo "waiting for Kibana at $KIBANA_URL"; sleep 5
done
# _import answers 200 even when some objects fail: the body's "success" says whether all went in.
resp=$(curl -fsS -u "$auth" -X POST "$KIBANA_URL/api/saved_objects/_import?overwrite=true" \
  -H 'kbn-xsrf: true' --form file=@/saved-objects/hearken-saved-objects.ndjson)
echo "$resp"
if ! echo "$resp" | grep -q '"success":true'; then
  echo "saved objects NOT imported: see the errors above" >&2
  exit 1
fi
echo "saved objects imported"
