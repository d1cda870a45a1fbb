#!/usr/bin/env bash
# Run the README's CI install line (GitHub Actions and GitLab CI examples) in a fresh virtual
# environment, TERMLINT_SOURCE pointing at this repository's current commit, then run the
# installed termlint on the example draft. Exit 0 when both examples install a working termlint.
#
#   scripts/check_ci_install.sh [REPOSITORY]     (default: the repository holding this script)
set -euo pipefail
repo=$(cd "${1:-$(dirname "$0")/..}" && git rev-parse --show-toplevel)
commit=$(git -C "$repo" rev-parse HEAD)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the install lines, as the README writes them, in the yaml blocks of its CI examples
mapfile -t lines < <(awk '/^```yaml/{inside=1; next} /^```/{inside=0} inside && /pip install/' "$repo/README.md" \
  | sed -E 's/^[[:space:]]*-[[:space:]]*(run:[[:space:]]*)?//; s/[[:space:]]+#.*$//')
if [ "${#lines[@]}" -lt 2 ]; then
  echo "check_ci_install: expected the install line of the GitHub and the GitLab example in README.md" >&2
  exit 2
fi
export TERMLINT_SOURCE="git+file://localhost$repo@$commit"  # a host: pip 23 reads no empty one
n=0
for line in "${lines[@]}"; do
  case "$line" in
    *'$TERMLINT_SOURCE'*) ;;
    *) echo "check_ci_install: README installs termlint without \$TERMLINT_SOURCE: $line" >&2; exit 1 ;;
  esac
  n=$((n + 1))
  python3 -m venv "$work/venv$n"
  echo "check_ci_install: $line"
  (PATH="$work/venv$n/bin:$PATH"; export PATH; cd "$work" && bash -c "$line" >/dev/null)
  "$work/venv$n/bin/termlint" --version
  set +e
  "$work/venv$n/bin/termlint" check --no-cache --select PU001 --format concise "$repo/examples/draft-2022-child-protection.txt"
  status=$?
  set -e
  if [ "$status" != 1 ]; then
    echo "check_ci_install: the installed termlint did not report the example's PU001 (exit $status)" >&2
    exit 1
  fi
done
echo "check_ci_install: $n install lines work"
