#!/usr/bin/env bash
# The GitHub Action's work, in one script so a test can run exactly what the action runs.
# Inputs arrive as environment variables (the action maps its `with:` inputs onto them):
#   ISDECK_PATHS         decks, folders or globs to lint (space-separated; default ".")
#   ISDECK_SARIF         where to write the SARIF report ("" to skip; default isdeck.sarif)
#   ISDECK_EXPORT        "", "pdf", "pptx", "html" or a comma-separated mix: export each deck
#   ISDECK_EXPORT_DIR    where exports go (default isdeck-export)
#   ISDECK_MAX_WARNINGS  fail when there are more warnings than this ("" for no limit)
#   ISDECK_RENDER        "true" to add the rendered checks (needs a browser)
#   ISDECK_CLI           the command line to run (default: this checkout's dist/cli.js)
# Exit code: the lint's (0 clean, 1 problems, 2 bad usage), after the reports are written.
set -uo pipefail

here="$(cd "$(dirname "$0")/../.." && pwd)"
cli="${ISDECK_CLI:-node $here/dist/cli.js}"
read -r -a paths <<< "${ISDECK_PATHS:-.}"
lint_flags=()
[ -n "${ISDECK_MAX_WARNINGS:-}" ] && lint_flags+=(--max-warnings "$ISDECK_MAX_WARNINGS")
[ "${ISDECK_RENDER:-false}" = "true" ] && lint_flags+=(--render)

# Annotations on the pull request: GitHub reads workflow commands from standard output.
$cli lint "${paths[@]}" "${lint_flags[@]}" --format github
status=$?

sarif="${ISDECK_SARIF-isdeck.sarif}"
if [ -n "$sarif" ]; then
  $cli lint "${paths[@]}" "${lint_flags[@]}" --format sarif --output "$sarif" || true
  echo "isdeck: SARIF report written to $sarif"
fi

if [ -n "${ISDECK_EXPORT:-}" ]; then
  export_flags=()
  IFS=',' read -r -a formats <<< "$ISDECK_EXPORT"
  for format in "${formats[@]}"; do export_flags+=("--${format// /}"); done
  $cli export "${paths[@]}" "${export_flags[@]}" --out "${ISDECK_EXPORT_DIR:-isdeck-export}" || status=$((status > 0 ? status : 1))
fi

exit "$status"
