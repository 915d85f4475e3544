// Package e2e holds end-to-end tests that drive attrlint through the real
// tools users run it from: the pre-commit framework against this
// repository's .pre-commit-hooks.yaml, and the SARIF 2.1.0 schema against
// `attrlint check --format sarif` on real drafts. It has no code of its own.
package e2e
