#!/bin/sh
# Creates Steward's namespace (7 days of closed-run history) and registers the search attributes
# its runs carry. Idempotent: only what is missing is created. `steward setup` does the same
# from the host, and checks it.
set -eu
ns="${STEWARD_NAMESPACE:-default}"
until temporal operator cluster health --address "$TEMPORAL_ADDRESS"; do sleep 2; done
temporal operator namespace describe -n "$ns" --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1 ||
  temporal operator namespace create -n "$ns" --retention 168h --address "$TEMPORAL_ADDRESS"
existing=$(temporal operator search-attribute list -n "$ns" --address "$TEMPORAL_ADDRESS")
for name in StewardTarget StewardHost StewardOutcome StewardKind StewardFleet; do
  if echo "$existing" | grep -qw "$name"; then
    echo "search attribute $name exists"
  else
    temporal operator search-attribute create -n "$ns" --name "$name" --type Keyword \
      --address "$TEMPORAL_ADDRESS"
  fi
done
echo "namespace $ns ready for Steward"
