"""The rule engine: rule files loaded and validated against rules/schema.json (ruleset), their selectors
compiled with a prefilter (selectors), and applied to a page with the share refusal (declutter).
The rule authors' commands live in rules.authoring."""
