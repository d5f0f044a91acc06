#!/bin/bash
# Run by the postgis image on a new database volume (docker-compose.yml): allows streaming
# replication connections from the compose network, for the scaled profile's db-replica.
set -e
echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
