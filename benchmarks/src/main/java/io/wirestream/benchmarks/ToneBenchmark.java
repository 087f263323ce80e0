package io.wirestream.benchmarks;

import io.wirestream.enrich.entities.EntityMerger;
import io.wirestream.enrich.entities.EntityRecognizer;
import io.wirestream.enrich.text.SentenceTones;
import io.wirestream.enrich.tone.NewsTone;
import io.wirestream.enrich.tone.ToneScorer;
import io.wirestream.schemas.avro.Entity;
import io.wirestream.schemas.avro.Mention;
import io.wirestream.schemas.avro.RawArticle;
import io.wirestream.schemas.avro.TextField;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Tone's cost per story, old against new in one run, on the English gold stories (about 150
 * words) or on 1,000-word stories made of them, with each story's entities found by the CRF once
 * in set-up:
 * <ul>
 *   <li>{@code plainTone}: what the enricher did before, VADER's article tone
 *       ({@code ToneScorer.scoreArticle}) and each entity's tone as the mean tone of the body
 *       sentences that mention it (the {@code EntityMerger} computation);</li>
 *   <li>{@code wirestreamTone}: the news tone model, {@code NewsTone.scoreStory} and
 *       {@code NewsTone.entityTone} for every entity (rules and the linear model);</li>
 *   <li>{@code crfMentions}: the bare CRF on the same story (headline and body), the unit the
 *       enricher's speed is measured against, so tone's share of a story shows beside it.</li>
 * </ul>
 * One story per operation, cycling through the stories. Run
 * {@code java -cp benchmarks/target/benchmarks.jar io.wirestream.benchmarks.BenchmarkMain
 * ToneBenchmark} from the repository root; see docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ToneBenchmark {

  /** Story length: the gold stories as they are, or about 1,000 words each. */
  @Param({"gold", "long"})
  public String stories;

  private List<RawArticle> articles;
  private List<List<Entity>> entities;
  private ToneScorer vader;
  private NewsTone news;
  private EntityRecognizer crf;
  private int next;

  @Setup
  public void setUp() throws IOException {
    vader = ToneScorer.load();
    news = NewsTone.load();
    crf = EntityRecognizer.load();
    final List<GoldStories.Story> gold = GoldStories.english(GoldStories.DEFAULT_DIR);
    articles = new ArrayList<>();
    for (int i = 0; i < gold.size(); i++) {
      final RawArticle a = gold.get(i).article();
      if (stories.equals("long")) {
        final StringBuilder body = new StringBuilder(a.getBody());
        for (int k = 1; body.toString().split("\\s+").length < 1_000; k++) {
          body.append("\n\n").append(gold.get((i + k) % gold.size()).article().getBody());
        }
        articles.add(RawArticle.newBuilder(a).setBody(body.toString()).build());
      } else {
        articles.add(a);
      }
    }
    entities = new ArrayList<>();
    for (final RawArticle a : articles) {
      final ToneScorer.ArticleTone tones = vader.scoreArticle(a.getHeadline(), a.getBody());
      entities.add(EntityMerger.merge(a.getHeadline(), crf.mentions(a.getHeadline()),
          a.getBody(), crf.mentions(a.getBody()), tones.body(), s -> Optional.empty()));
    }
  }

  private int nextStory() {
    final int i = next;
    next = (i + 1) % articles.size();
    return i;
  }

  @Benchmark
  public void plainTone(final Blackhole bh) {
    final int i = nextStory();
    final RawArticle a = articles.get(i);
    final ToneScorer.ArticleTone story = vader.scoreArticle(a.getHeadline(), a.getBody());
    bh.consume(story.result());
    final SentenceTones body = story.body();
    for (final Entity e : entities.get(i)) {
      double sum = 0.0;
      int n = 0;
      int last = -1;
      for (final Mention m : e.getMentions()) {
        if (m.getField() == TextField.BODY) {
          final int s = body.sentenceAt(m.getStart());
          if (s >= 0 && s != last) {
            sum += body.toneOf(s);
            n++;
            last = s;
          }
        }
      }
      bh.consume(n == 0 ? null : sum / n);
    }
  }

  @Benchmark
  public void wirestreamTone(final Blackhole bh) {
    final int i = nextStory();
    final RawArticle a = articles.get(i);
    final NewsTone.Story story = news.scoreStory(a.getHeadline(), a.getBody());
    bh.consume(story.result());
    bh.consume(story.bodyTones());
    for (final Entity e : entities.get(i)) {
      bh.consume(news.entityTone(story, e.getMentions()));
    }
  }

  @Benchmark
  public void crfMentions(final Blackhole bh) {
    final RawArticle a = articles.get(nextStory());
    bh.consume(crf.mentions(a.getHeadline()));
    bh.consume(crf.mentions(a.getBody()));
  }
}
