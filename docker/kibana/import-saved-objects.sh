#!/bin/sh
# Imports Hearken's saved objects into Kibana once it answers (overwrite: safe to run at every start).
set -eu
until curl -fs "$KIBANA_URL/api/status" | grep -q '"level":"available"'; do
  echo "waiting for Kibana at $KIBANA_URL"; sleep 5
done
curl -fsS -X POST "$KIBANA_URL/api/saved_objects/_import?overwrite=true" \
  -H 'kbn-xsrf: true' --form file=@/saved-objects/hearken-saved-objects.ndjson
echo "saved objects imported"
