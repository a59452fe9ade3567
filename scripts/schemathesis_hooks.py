"""Schemathesis hooks for `make test` (SCHEMATHESIS_HOOKS=schemathesis_hooks).

POST /api/v1/bundles takes `application/gzip` only; schemathesis has no
serializer for it, so its bodies are sent as the raw bytes it generates, as for
application/octet-stream.
"""
import schemathesis

schemathesis.serializer.alias("application/gzip", "application/octet-stream")
