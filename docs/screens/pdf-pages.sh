#!/usr/bin/env bash
# The first page of every PDF the tests rendered (target/pdfs, written by PrintPdfIntegrationTests)
# as a PNG next to this script, for the README and review. Needs pdftoppm (Debian: poppler-utils).
# Run once after: ./mvnw -q -B -o test -Dtest=PrintPdfIntegrationTests
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v pdftoppm >/dev/null || { echo "pdftoppm not found: apt-get install -y poppler-utils" >&2; exit 1; }
shopt -s nullglob
pdfs=(target/pdfs/*.pdf)
[ ${#pdfs[@]} -gt 0 ] || { echo "no PDFs in target/pdfs: run PrintPdfIntegrationTests first" >&2; exit 1; }
for pdf in "${pdfs[@]}"; do
  name=$(basename "$pdf" .pdf)
  pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$pdf" "docs/screens/pdf-$name"
  echo "docs/screens/pdf-$name.png"
done
