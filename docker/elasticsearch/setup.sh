#!/bin/bash
# One-shot set-up of Elasticsearch security (after Elastic's own docker-compose example):
# 1. a CA and a node certificate for the HTTP and transport layers, made once into the "certs" volume;
# 2. once the node answers: the kibana_system password, and the "hearken" role and user the services sign in as.
# Safe to run at every start: certificates are kept, passwords and the role are set again (from .env).
set -euo pipefail
cd /usr/share/elasticsearch
CERTS=config/certs

if [ ! -f "$CERTS/ca/ca.crt" ]; then
  echo "creating the certificate authority"
  bin/elasticsearch-certutil ca --silent --pem -out "$CERTS/ca.zip"
  unzip -o -q "$CERTS/ca.zip" -d "$CERTS"
  rm "$CERTS/ca.zip"
fi
if [ ! -f "$CERTS/elasticsearch/elasticsearch.crt" ]; then
  echo "creating the node certificate"
  cat > "$CERTS/instances.yml" <<'YML'
instances:
  - name: elasticsearch
    dns: [elasticsearch, localhost]
    ip: [127.0.0.1]
YML
  bin/elasticsearch-certutil cert --silent --pem -out "$CERTS/certs.zip" --in "$CERTS/instances.yml" \
    --ca-cert "$CERTS/ca/ca.crt" --ca-key "$CERTS/ca/ca.key"
  unzip -o -q "$CERTS/certs.zip" -d "$CERTS"
  rm "$CERTS/certs.zip"
fi
# Elasticsearch and Kibana run in group 0 and read their files through it; the Hearken services (uid 10001)
# read only the CA certificate, which is public. The CA key is root's alone.
chown -R root:root "$CERTS"
chmod 755 "$CERTS" "$CERTS/ca"
chmod 644 "$CERTS/ca/ca.crt"
chmod 600 "$CERTS/ca/ca.key"
chmod 750 "$CERTS/elasticsearch"
chmod 640 "$CERTS/elasticsearch/"*

ES="https://elasticsearch:9200"
echo "waiting for Elasticsearch at $ES"
until curl -s --cacert "$CERTS/ca/ca.crt" "$ES" | grep -q "missing authentication credentials"; do sleep 5; done

call() { # method path body: fails unless Elasticsearch answers 2xx
  curl -fsS -X "$1" --cacert "$CERTS/ca/ca.crt" -u "elastic:${ELASTIC_PASSWORD}" \
    -H 'Content-Type: application/json' "$ES$2" -d "$3" > /dev/null
}
echo "setting the kibana_system password"
tries=0
until call POST /_security/user/kibana_system/_password "{\"password\":\"${KIBANA_SYSTEM_PASSWORD}\"}"; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    echo "cannot sign in as elastic: ELASTIC_PASSWORD in .env must be the password Elasticsearch has" >&2
    echo "(it is taken only at the first start; change it in Elasticsearch first, then in .env)" >&2
    exit 1
  fi
  sleep 5
done

# What the services do: index templates and indices of their own (complaints*, complaint-events*, hearken-*),
# cluster health for their health check. Nothing else.
echo "setting the hearken role and user"
call PUT /_security/role/hearken '{
  "cluster": ["monitor", "manage_index_templates", "manage_ilm", "manage_ingest_pipelines"],
  "indices": [{"names": ["complaint*", "hearken*"], "privileges": ["all"]}]
}'
call PUT "/_security/user/${HEARKEN_ELASTICSEARCH_USERNAME}" "{
  \"password\": \"${HEARKEN_ELASTICSEARCH_PASSWORD}\", \"roles\": [\"hearken\"], \"full_name\": \"Hearken services\"
}"
touch "$CERTS/.setup-done"
echo "Elasticsearch security is set up"
