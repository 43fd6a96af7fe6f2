"""The rule engine: rule files loaded and validated against rules/schema.json (ruleset), their selectors
compiled with a prefilter (selectors; the literal words a text pattern requires come from literals), and
applied to a page with the share refusal (declutter); tunables in constants. The rule authors' commands
run the whole pipeline, so they live above it, in server.authoring."""
