package io.wirestream.enrich.entities;

import io.wirestream.enrich.text.SentenceTones;
import io.wirestream.enrich.text.Sentences;
import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.EntityType;
import io.wirestream.schemas.avro.Mention;
import io.wirestream.schemas.avro.TextField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * Merges the CRF mentions of one story (headline and body) into entities.
 *
 * <h2>Grouping</h2>
 * <ol>
 *   <li>Each mention's type is first passed through {@code corrections} (by its surface text), so a
 *       CRF slip such as "DPRK" typed ORGANIZATION becomes LOCATION before anything else.</li>
 *   <li>Mentions with the same text are one form. The comparison ignores case, runs of whitespace
 *       and curly versus straight apostrophes ("PYONGYANG" in a dateline = "Pyongyang"). For PERSON
 *       mentions, leading titles are dropped first, so "Mr. Putin" and "President Putin" are the
 *       form "Putin".</li>
 *   <li>A PERSON form whose words are the last words of a longer PERSON form joins it ("Lavrov" →
 *       "Sergei Lavrov", "Nascimento Ribeiro" → "Paulo Nascimento Ribeiro").</li>
 *   <li>An acronym form (one word of 2-10 capitals, dots allowed: "IAEA", "U.N.") joins a longer
 *       form of the same type, ORGANIZATION or LOCATION, whose initials it spells ("IAEA" →
 *       "International Atomic Energy Agency", "UAE" → "United Arab Emirates"). Initials are taken
 *       from the capitalized words, with and without the small connecting words.</li>
 *   <li>Conservative: a short form that could join two different longer entities ("Johnson" with
 *       both "Boris Johnson" and "Dustin Johnson" in the story) stays an entity of its own.</li>
 * </ol>
 *
 * <h2>Entity fields</h2>
 * <ul>
 *   <li>name: the fullest form of the group (most words, then most characters, then written in
 *       mixed case rather than all capitals, then most frequent, then first seen), without titles;</li>
 *   <li>type: majority of the group's (corrected) mention types; a tie goes to the type of the
 *       fullest form, then to the tied type seen first;</li>
 *   <li>count: number of mentions, headline and body;</li>
 *   <li>salience: see below;</li>
 *   <li>tone: the mean of {@code sentenceTone} over the distinct body sentences (split by
 *       {@link Sentences}) that contain a mention of the entity, clamped to [-1, 1]; null
 *       when the entity is only in the headline. Each sentence is scored at most once per story.</li>
 *   <li>mentions: every mention with its field (HEADLINE or BODY) and offsets, headline first, then
 *       in text order.</li>
 * </ul>
 * Entities are sorted by salience (highest first), then name, then type.
 *
 * <h2>Salience</h2>
 * A number in [0, 1]:
 * <pre>
 *   salience = 0.4 * inHeadline
 *            + 0.3 * (inHeadline ? 1 : 1 - firstBodyStart / bodyLength)
 *            + 0.3 * count / maxCount
 * </pre>
 * where {@code inHeadline} is 1 when a mention is in the headline (else 0), the middle term is
 * the position of the first mention in reading order (headline before body; a name at the first
 * character of the body scores 1, at the end of the body nearly 0), and {@code maxCount} is the
 * mention count of the story's most mentioned entity. Rounded to 4 decimals. An entity in the
 * headline therefore always scores at least 0.7 and outranks every entity that is only in the
 * body (at most 0.6).
 *
 * <p>Pure and stateless: safe to call from any number of threads.
 */
public final class EntityMerger {

  /** Weight of being in the headline, in the salience. */
  public static final double HEADLINE_WEIGHT = 0.4;
  /** Weight of how early the first mention comes, in the salience. */
  public static final double POSITION_WEIGHT = 0.3;
  /** Weight of the mention count relative to the story's most mentioned entity, in the salience. */
  public static final double FREQUENCY_WEIGHT = 0.3;

  /**
   * A mention whose CRF confidence is at least this keeps its own type against the other
   * mentions of its surface, and a form with such a mention is not retyped by a join.
   */
  public static final double KEEP_OWN_TYPE = 0.9;

  /**
   * Which merging steps run; each can be switched off to measure what it adds
   * ({@code wirestream eval --entities}).
   *
   * @param personJoins titles dropped from PERSON names; a surname joins the one full name it
   *     ends, taking that person's type when the CRF was unsure of its own
   * @param acronymJoins an acronym joins the one name of its type whose initials it spells
   * @param shortNames a name that is the first words of one longer ORGANIZATION name of the
   *     story ("Calder" after "Calder Foods Plc") joins it, also when the CRF read it as a person
   * @param documentVote the mentions of one surface vote on its type, weighted by confidence;
   *     mentions the CRF was sure of keep their own type
   * @param oneTypePerName the 0.1 behaviour, for comparison: every mention of a group takes the
   *     group's majority type
   */
  public record Options(boolean personJoins, boolean acronymJoins, boolean shortNames,
      boolean documentVote, boolean oneTypePerName) {

    /** What the enricher runs. */
    public static final Options DEFAULT = new Options(true, true, true, true, false);
    /** No step: each CRF mention keeps its type; same surface and type make one entity. */
    public static final Options NONE = new Options(false, false, false, false, false);
    /** The 0.1 merger, for comparison. */
    public static final Options LEGACY = new Options(true, true, false, false, true);
  }

  /** Compiled once: merging runs per story on the stream threads. */
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern WORD_OR_HYPHEN_BREAKS = Pattern.compile("[\\s-]+");

  /**
   * Titles dropped from the front of PERSON mentions (lower case, without the period). Royal and
   * religious styles ("King Charles", "Pope Leo", "Sheikh ...") stay part of the name; the
   * surname rule still joins "Charles" to "King Charles".
   */
  private static final Set<String> TITLES = Set.of(
      "mr", "mrs", "ms", "miss", "messrs", "dr", "prof", "professor", "sir", "dame", "president", "vice", "prime",
      "minister", "premier", "chancellor", "foreign", "defence", "defense", "finance", "interior", "secretary",
      "secretary-general", "senator", "sen", "rep", "representative", "congressman", "congresswoman", "governor",
      "gov", "mayor", "ambassador", "envoy", "judge", "general", "gen", "lt", "lieutenant", "col", "colonel", "maj",
      "major", "capt", "captain", "sgt", "sergeant", "adm", "admiral", "commander", "marshal", "chairman",
      "chairwoman", "chief", "spokesman", "spokeswoman", "coach", "manager");

  /** Small connecting words that acronyms usually skip. */
  private static final Set<String> CONNECTORS = Set.of(
      "of", "the", "for", "and", "on", "in", "at", "to", "a", "an", "&", "de", "des", "du", "la", "le", "les", "et",
      "del", "der", "die", "von", "van", "di", "da", "y");

  private static final Comparator<Tagged> TEXT_ORDER =
      Comparator.comparingInt((Tagged t) -> t.field().ordinal()).thenComparingInt(Tagged::start);

  private EntityMerger() {
  }

  /**
   * Merges the mentions of one story into entities.
   *
   * @param headline the headline (null is read as empty)
   * @param headlineMentions mentions with offsets into {@code headline}
   * @param body the body (null is read as empty)
   * @param bodyMentions mentions with offsets into {@code body}
   * @param sentenceTone tone in [-1,1] of a sentence span of the body (supplied by the caller; the
   *     tone package computes it), used for per-entity tone = mean tone of the sentences that
   *     mention the entity; every body sentence is scored once, up front
   * @param corrections for known CRF slips: maps a surface form to a corrected type (e.g. the
   *     country gazetteer says "DPRK"/"ROK" are LOCATIONs), empty when no correction
   * @return the entities, most salient first
   * @throws IllegalArgumentException if a mention's offsets or text do not match its field's text
   */
  public static List<Entity> merge(final String headline, final List<RawMention> headlineMentions,
      final String body, final List<RawMention> bodyMentions,
      final ToDoubleFunction<String> sentenceTone,
      final Function<String, Optional<EntityType>> corrections) {
    Objects.requireNonNull(sentenceTone, "sentenceTone");
    final String bodyText = body == null ? "" : body;
    final List<Sentences.Span> sentences = Sentences.split(bodyText);
    final double[] tones = new double[sentences.size()];
    for (int i = 0; i < tones.length; i++) {
      final Sentences.Span span = sentences.get(i);
      tones[i] = sentenceTone.applyAsDouble(bodyText.substring(span.start(), span.end()));
    }
    return merge(headline, headlineMentions, body, bodyMentions,
        new SentenceTones(sentences, tones), corrections);
  }

  /**
   * Merges the mentions of one story into entities, with the body's sentences already scored (the
   * article's tone scores them anyway; see {@code ToneScorer.scoreArticle}).
   *
   * @param bodyTones the body's sentences and their tones, for per-entity tone
   * @see #merge(String, List, String, List, ToDoubleFunction, Function)
   */
  public static List<Entity> merge(final String headline, final List<RawMention> headlineMentions,
      final String body, final List<RawMention> bodyMentions, final SentenceTones bodyTones,
      final Function<String, Optional<EntityType>> corrections) {
    return merge(headline, headlineMentions, body, bodyMentions, bodyTones, corrections,
        Options.DEFAULT);
  }

  /**
   * Merges the mentions of one story into entities with the given steps switched on.
   *
   * @param options the merging steps to run
   * @see #merge(String, List, String, List, SentenceTones, Function)
   */
  public static List<Entity> merge(final String headline, final List<RawMention> headlineMentions,
      final String body, final List<RawMention> bodyMentions, final SentenceTones bodyTones,
      final Function<String, Optional<EntityType>> corrections, final Options options) {
    Objects.requireNonNull(bodyTones, "bodyTones");
    Objects.requireNonNull(corrections, "corrections");
    Objects.requireNonNull(options, "options");
    final String headlineText = headline == null ? "" : headline;
    final String bodyText = body == null ? "" : body;
    final List<Sentences.Span> scored = bodyTones.sentences();
    if (!scored.isEmpty() && scored.get(scored.size() - 1).end() > bodyText.length()) {
      throw new IllegalArgumentException("the sentence tones were not scored on this body: a "
          + "sentence ends at " + scored.get(scored.size() - 1).end() + " of "
          + bodyText.length() + " characters");
    }

    final List<Tagged> tagged = new ArrayList<>();
    collect(TextField.HEADLINE, headlineText, headlineMentions, corrections, tagged);
    collect(TextField.BODY, bodyText, bodyMentions, corrections, tagged);
    if (tagged.isEmpty()) {
      return List.of();
    }
    tagged.sort(TEXT_ORDER);

    final List<List<Form>> groups = group(tagged, options);
    int maxCount = 0;
    for (final List<Form> group : groups) {
      maxCount = Math.max(maxCount, group.stream().mapToInt(f -> f.mentions.size()).sum());
    }

    final StoryTone tone = new StoryTone(bodyTones);
    final List<Entity> entities = new ArrayList<>(groups.size());
    for (final List<Form> group : groups) {
      entities.add(toEntity(group, maxCount, bodyText.length(), tone));
    }
    entities.sort(Comparator.comparingDouble(Entity::getSalience).reversed()
        .thenComparing(Entity::getName)
        .thenComparing(Entity::getType));
    return entities;
  }

  /**
   * Salience of an entity in [0, 1], by the formula in the class comment.
   *
   * @param inHeadline whether a mention is in the headline
   * @param firstBodyStart start offset of the first body mention (ignored when in the headline)
   * @param bodyLength length of the body
   * @param count mentions of this entity
   * @param maxCount mentions of the story's most mentioned entity
   * @return the salience, in [0, 1]
   */
  static double salience(final boolean inHeadline, final int firstBodyStart, final int bodyLength, final int count,
      final int maxCount) {
    final double position = inHeadline ? 1.0 : 1.0 - (double) firstBodyStart / Math.max(1, bodyLength);
    final double frequency = (double) count / Math.max(1, maxCount);
    final double raw = HEADLINE_WEIGHT * (inHeadline ? 1.0 : 0.0)
        + POSITION_WEIGHT * clamp(position, 0.0, 1.0)
        + FREQUENCY_WEIGHT * clamp(frequency, 0.0, 1.0);
    return clamp(Math.round(raw * 10_000.0) / 10_000.0, 0.0, 1.0);
  }

  // ---------------------------------------------------------------------------------------------
  // Collecting

  /** A mention after corrections, with its field and how sure the tagger is of its type. */
  private record Tagged(TextField field, int start, int end, String text, EntityType type,
      double confidence, boolean byLine) {

    Tagged withType(final EntityType newType, final double newConfidence) {
      return new Tagged(field, start, end, text, newType, newConfidence, byLine);
    }
  }

  private static void collect(final TextField field, final String fieldText, final List<RawMention> raw,
      final Function<String, Optional<EntityType>> corrections, final List<Tagged> out) {
    if (raw == null) {
      return;
    }
    final Set<Long> seen = new HashSet<>();
    for (final RawMention mention : raw) {
      Objects.requireNonNull(mention, "mention");
      if (mention.end() > fieldText.length()
          || !fieldText.regionMatches(mention.start(), mention.text(), 0, mention.text().length())) {
        throw new IllegalArgumentException("Mention '" + mention.text() + "' [" + mention.start() + ", "
            + mention.end() + ") does not match the " + field + " text of length " + fieldText.length());
      }
      if (!seen.add(((long) mention.start() << 32) | mention.end())) {
        continue;
      }
      final Optional<EntityType> corrected = corrections.apply(mention.text());
      final EntityType type = corrected != null && corrected.isPresent() ? corrected.get() : mention.type();
      out.add(new Tagged(field, mention.start(), mention.end(), mention.text(), type,
          mention.confidence(), mention.byLine()));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Grouping

  /** All mentions with one normalized text and one type (or any type, with one type per name). */
  private static final class Form {
    final String key;
    final List<String> words;
    final List<Tagged> mentions = new ArrayList<>();
    final Map<String, Integer> displays = new LinkedHashMap<>();
    Form parent;
    // Set by seal(), once all mentions are in.
    EntityType type;
    boolean mostlyPerson;
    boolean sure;
    String display;
    String acronym;

    Form(final String key) {
      this.key = key;
      this.words = Arrays.asList(key.split(" "));
    }

    void add(final Tagged mention, final String displayText) {
      mentions.add(mention);
      displays.merge(displayText, 1, Integer::sum);
    }

    void seal() {
      type = majority(mentions, null);
      final long persons = mentions.stream().filter(t -> t.type() == EntityType.PERSON).count();
      mostlyPerson = persons * 2 >= mentions.size();
      sure = mentions.stream().anyMatch(t -> t.byLine() || t.confidence() >= KEEP_OWN_TYPE);
      // The written form: mixed case over all capitals, then most frequent, then first seen.
      int bestScore = Integer.MIN_VALUE;
      for (final Map.Entry<String, Integer> entry : displays.entrySet()) {
        final int score = (isAllCaps(entry.getKey()) ? 0 : 1_000_000) + entry.getValue();
        if (score > bestScore) {
          display = entry.getKey();
          bestScore = score;
        }
      }
      acronym = words.size() == 1 ? acronymLetters(display) : null;
    }

    /** Gives every mention {@code newType}; a rule's confidence is the tagger's, capped. */
    void retype(final EntityType newType, final double confidenceCap) {
      for (int i = 0; i < mentions.size(); i++) {
        final Tagged mention = mentions.get(i);
        mentions.set(i, mention.withType(newType, Math.min(mention.confidence(), confidenceCap)));
      }
      type = newType;
      mostlyPerson = newType == EntityType.PERSON;
    }

    double meanConfidence() {
      return mentions.stream().mapToDouble(Tagged::confidence).average().orElse(0.0);
    }

    Form root() {
      Form form = this;
      while (form.parent != null) {
        form = form.parent;
      }
      return form;
    }
  }

  private static List<List<Form>> group(final List<Tagged> tagged, final Options options) {
    final List<Tagged> typed = options.documentVote() ? voteBySurface(tagged, options) : tagged;
    final Map<String, Form> forms = new LinkedHashMap<>();
    for (final Tagged mention : typed) {
      final String display = displayText(mention, options);
      final String key = options.oneTypePerName() ? key(display)
          : mention.type().name() + '|' + key(display);
      forms.computeIfAbsent(key, k -> new Form(key(display))).add(mention, display);
    }

    // Candidate long forms, indexed so a long story stays linear: PERSON names by last word,
    // ORGANIZATION and LOCATION names by their possible initials.
    final Map<String, List<Form>> personsByLastWord = new LinkedHashMap<>();
    final Map<String, List<Form>> namesByInitials = new LinkedHashMap<>();
    final Map<String, List<Form>> organizationsByFirstWord = new LinkedHashMap<>();
    for (final Form form : forms.values()) {
      form.seal();
      if (form.words.size() < 2) {
        continue;
      }
      if (form.type == EntityType.ORGANIZATION) {
        organizationsByFirstWord.computeIfAbsent(form.words.get(0), w -> new ArrayList<>())
            .add(form);
      }
      if (form.type == EntityType.PERSON) {
        personsByLastWord.computeIfAbsent(form.words.get(form.words.size() - 1),
            w -> new ArrayList<>()).add(form);
      } else if (form.type == EntityType.ORGANIZATION || form.type == EntityType.LOCATION) {
        for (final String initials : initialsOf(form.display)) {
          namesByInitials.computeIfAbsent(initials, i -> new ArrayList<>()).add(form);
        }
      }
    }

    // Longest first, so a longer form is attached before the shorter forms that may point at it.
    final List<Form> byLength = new ArrayList<>(forms.values());
    byLength.sort(Comparator.comparingInt((Form f) -> f.words.size()).reversed()
        .thenComparing(Comparator.comparingInt((Form f) -> f.key.length()).reversed()));
    for (final Form shorter : byLength) {
      final Set<Form> roots = new LinkedHashSet<>();
      // A surname joins the one full name it ends; a surname the CRF was unsure of and typed
      // otherwise ("Lavrov" as an organization) is that person too.
      final boolean personCandidate = shorter.mostlyPerson
          || (!options.oneTypePerName() && !shorter.sure && shorter.acronym == null);
      if (options.personJoins() && personCandidate) {
        final List<String> tail = shorter.words;
        for (final Form longer : personsByLastWord.getOrDefault(tail.get(tail.size() - 1),
            List.of())) {
          if (longer.words.size() > tail.size() && longer.words
              .subList(longer.words.size() - tail.size(), longer.words.size()).equals(tail)) {
            roots.add(longer.root());
          }
        }
      }
      // A company's short name: "Calder" after "Calder Foods Plc", even when read as a person
      // (a surname of a person in the story is a candidate of the person join as well, and
      // two candidates leave the form alone).
      final boolean shortNameCandidate = shorter.type == EntityType.ORGANIZATION
          || shorter.type == EntityType.PERSON;
      if (options.shortNames() && shortNameCandidate && shorter.acronym == null) {
        for (final Form longer : organizationsByFirstWord.getOrDefault(shorter.words.get(0),
            List.of())) {
          if (longer.words.size() > shorter.words.size()
              && longer.words.subList(0, shorter.words.size()).equals(shorter.words)) {
            roots.add(longer.root());
          }
        }
      }
      if (options.acronymJoins() && shorter.acronym != null) {
        for (final Form longer : namesByInitials.getOrDefault(shorter.acronym, List.of())) {
          if (longer.type == shorter.type) {
            roots.add(longer.root());
          }
        }
      }
      roots.remove(shorter);
      if (roots.size() == 1) {
        final Form root = roots.iterator().next();
        if (root.type != shorter.type && !options.oneTypePerName()) {
          shorter.retype(root.type, root.meanConfidence());
        }
        shorter.parent = root;
      }
    }

    final Map<Form, List<Form>> groups = new LinkedHashMap<>();
    for (final Form form : forms.values()) {
      groups.computeIfAbsent(form.root(), r -> new ArrayList<>()).add(form);
    }
    return new ArrayList<>(groups.values());
  }

  /**
   * Document-level consistency in the spirit of Krishnan and Manning (2006): the mentions of one
   * surface in a story vote on its type, each with the CRF's confidence as its weight; a mention
   * the CRF was sure of ({@value #KEEP_OWN_TYPE} or more) keeps its own type, so a city and the
   * club named after it can both stay what they are. The others take the winning type, with its
   * share of the vote as their confidence.
   */
  private static List<Tagged> voteBySurface(final List<Tagged> tagged, final Options options) {
    final Map<String, Map<EntityType, Double>> votes = new LinkedHashMap<>();
    for (final Tagged mention : tagged) {
      if (!mention.byLine()) {
        votes.computeIfAbsent(key(displayText(mention, options)),
            k -> new EnumMap<>(EntityType.class)).merge(mention.type(), mention.confidence(),
            Double::sum);
      }
    }
    final List<Tagged> result = new ArrayList<>(tagged.size());
    for (final Tagged mention : tagged) {
      final Map<EntityType, Double> vote = votes.get(key(displayText(mention, options)));
      if (mention.byLine() || vote == null) {
        result.add(mention);
        continue;
      }
      EntityType winner = mention.type();
      double total = 0.0;
      for (final Map.Entry<EntityType, Double> entry : vote.entrySet()) {
        total += entry.getValue();
        if (entry.getValue() > vote.get(winner)) {
          winner = entry.getKey();
        }
      }
      if (winner != mention.type() && mention.confidence() < KEEP_OWN_TYPE) {
        result.add(mention.withType(winner, total == 0.0 ? 0.0 : vote.get(winner) / total));
      } else {
        result.add(mention);
      }
    }
    return result;
  }

  /** The mention text with whitespace runs collapsed and, for a PERSON, leading titles dropped. */
  private static String displayText(final Tagged mention, final Options options) {
    final String collapsed = WHITESPACE.matcher(mention.text().strip()).replaceAll(" ");
    if (mention.type() != EntityType.PERSON || !options.personJoins()) {
      return collapsed;
    }
    final String[] words = collapsed.split(" ");
    int first = 0;
    while (first < words.length - 1 && isTitle(words[first])) {
      first++;
    }
    return String.join(" ", Arrays.asList(words).subList(first, words.length));
  }

  private static boolean isTitle(final String word) {
    final String bare = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
    return TITLES.contains(bare.toLowerCase(Locale.ROOT));
  }

  /** Grouping key: lower case, straight apostrophes; an acronym without its dots ("U.S." = "US"). */
  private static String key(final String display) {
    final String letters = acronymLetters(display);
    final String base = letters != null ? letters : display;
    return base.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
  }

  /** The letters of one word of 2-10 capitals, dots allowed ("U.N." → "UN"), else null. */
  private static String acronymLetters(final String word) {
    final String letters = word.replace(".", "");
    if (letters.length() < 2 || letters.length() > 10 || word.startsWith(".") || word.contains("..")) {
      return null;
    }
    for (int i = 0; i < letters.length(); i++) {
      if (!Character.isUpperCase(letters.charAt(i))) {
        return null;
      }
    }
    return letters;
  }

  /**
   * Candidate initials of a long name: first letters of its words, without and with the
   * connecting words, with hyphenated parts counted as words or not.
   */
  private static Set<String> initialsOf(final String name) {
    final Set<String> result = new HashSet<>();
    for (final boolean splitHyphens : new boolean[] {false, true}) {
      final StringBuilder content = new StringBuilder();
      final StringBuilder all = new StringBuilder();
      for (final String word : (splitHyphens ? WORD_OR_HYPHEN_BREAKS : WHITESPACE).split(name)) {
        if (word.isEmpty()) {
          continue;
        }
        final char first = word.charAt(0);
        if (!Character.isLetter(first)) {
          continue;
        }
        all.append(Character.toUpperCase(first));
        if (!CONNECTORS.contains(word.toLowerCase(Locale.ROOT)) && Character.isUpperCase(first)) {
          content.append(first);
        }
      }
      result.add(content.toString());
      result.add(all.toString());
    }
    return result;
  }

  // ---------------------------------------------------------------------------------------------
  // Entities

  private static Entity toEntity(final List<Form> group, final int maxCount, final int bodyLength,
      final StoryTone tone) {
    final Form fullest = group.stream().min(Comparator
        .comparingInt((Form f) -> -f.words.size())
        .thenComparingInt(f -> -f.key.length())
        .thenComparingInt(f -> isAllCaps(f.display) ? 1 : 0)
        .thenComparingInt(f -> -f.mentions.size())
        .thenComparing(f -> f.mentions.get(0), TEXT_ORDER)).orElseThrow();

    final List<Tagged> mentions = new ArrayList<>();
    for (final Form form : group) {
      mentions.addAll(form.mentions);
    }
    mentions.sort(TEXT_ORDER);

    final EntityType type = majority(mentions, fullest.type);
    boolean inHeadline = false;
    int firstBodyStart = -1;
    final List<Mention> avroMentions = new ArrayList<>(mentions.size());
    final List<Integer> bodyStarts = new ArrayList<>();
    double confidenceSum = 0.0;
    for (final Tagged mention : mentions) {
      if (mention.field() == TextField.HEADLINE) {
        inHeadline = true;
      } else {
        if (firstBodyStart < 0) {
          firstBodyStart = mention.start();
        }
        bodyStarts.add(mention.start());
      }
      avroMentions.add(new Mention(mention.field(), mention.start(), mention.end(), mention.text(),
          round(mention.confidence())));
      confidenceSum += mention.confidence();
    }
    return Entity.newBuilder()
        .setType(type)
        .setName(fullest.display)
        .setCount(mentions.size())
        .setSalience(salience(inHeadline, Math.max(0, firstBodyStart), bodyLength, mentions.size(), maxCount))
        .setTone(tone.meanOver(bodyStarts))
        .setMentions(avroMentions)
        .setConfidence(round(confidenceSum / mentions.size()))
        .build();
  }

  private static double round(final double confidence) {
    return clamp(Math.round(confidence * 10_000.0) / 10_000.0, 0.0, 1.0);
  }

  /**
   * The most frequent type of {@code mentions}; a tie goes to {@code preferred} when it is among the
   * tied types, else to the tied type seen first.
   */
  private static EntityType majority(final List<Tagged> mentions, final EntityType preferred) {
    final Map<EntityType, Integer> votes = new EnumMap<>(EntityType.class);
    for (final Tagged mention : mentions) {
      votes.merge(mention.type(), 1, Integer::sum);
    }
    final int top = votes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    if (preferred != null && votes.getOrDefault(preferred, 0) == top) {
      return preferred;
    }
    for (final Tagged mention : mentions) {
      if (votes.get(mention.type()) == top) {
        return mention.type();
      }
    }
    return EntityType.UNKNOWN;
  }

  private static boolean isAllCaps(final String text) {
    boolean letters = false;
    for (int i = 0; i < text.length(); i++) {
      final char c = text.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letters |= Character.isLetter(c);
    }
    return letters;
  }

  private static double clamp(final double value, final double min, final double max) {
    return Math.max(min, Math.min(max, value));
  }

  /** Body sentences and their tone, each scored at most once per story. */
  private static final class StoryTone {
    private final SentenceTones sentences;

    StoryTone(final SentenceTones sentences) {
      this.sentences = sentences;
    }

    /** Mean tone of the distinct sentences containing {@code starts}; null when there are none. */
    Double meanOver(final List<Integer> starts) {
      if (starts.isEmpty()) {
        return null;
      }
      final Set<Integer> indexes = new LinkedHashSet<>();
      for (final int start : starts) {
        final int index = sentences.sentenceAt(start);
        if (index >= 0) {
          indexes.add(index);
        }
      }
      double sum = 0.0;
      int scored = 0;
      for (final int index : indexes) {
        final double score = sentences.toneOf(index);
        if (!Double.isNaN(score)) {
          sum += clamp(score, -1.0, 1.0);
          scored++;
        }
      }
      return scored == 0 ? null : sum / scored;
    }
  }
}
