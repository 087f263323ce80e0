package io.wirestream.ingest.feed;

import io.wirestream.ingest.pipeline.Acknowledgements;
import io.wirestream.ingest.pipeline.DocumentResult;
import io.wirestream.ingest.pipeline.Hidden;
import io.wirestream.ingest.pipeline.IngestPipeline;
import io.wirestream.schemas.avro.SourceFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes files as they land in a folder (and its subfolders). A file is read once its size and
 * modification time have stayed the same for a short while, so a half-copied file is not read;
 * a file that changes later is read again (the ledger decides whether that is a new version).
 * Files already there at start are read too. Rejected files go to the dead-letter topic.
 */
public final class WatchFolder implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WatchFolder.class);
  /** How long a file must stay unchanged before it is read. */
  private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
  /** A full rescan at least this often catches what events miss (overflow, some renames). */
  private static final long RESCAN_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final Duration ACK_TIMEOUT = Duration.ofMinutes(2);

  private final Path root;
  private final IngestPipeline pipeline;
  private final Optional<SourceFormat> format;
  private final long maxBytes;
  private final WatchService watcher;
  private final Thread thread;
  private final Map<Path, FileState> seen = new HashMap<>();
  private final Map<Path, FileState> read = new HashMap<>();
  private final AtomicLong documentsRead = new AtomicLong();
  private volatile boolean running = true;
  private boolean unsettled = true;
  private long lastScan;

  /** Size and modification time, and when this state was first seen. */
  private record FileState(long size, long modified, long seenAt) {

    boolean sameFile(final FileState other) {
      return other != null && size == other.size && modified == other.modified;
    }
  }

  private WatchFolder(final Path root, final IngestPipeline pipeline,
      final Optional<SourceFormat> format, final long maxBytes) throws IOException {
    this.root = root;
    this.pipeline = pipeline;
    this.format = format;
    this.maxBytes = maxBytes;
    this.watcher = FileSystems.getDefault().newWatchService();
    this.thread = new Thread(this::run, "watch-" + root.getFileName());
    this.thread.setDaemon(true);
  }

  /** Starts watching {@code root}, which must be a folder. */
  public static WatchFolder start(final Path root, final IngestPipeline pipeline,
      final Optional<SourceFormat> format, final long maxBytes) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("--watch needs a folder: " + root);
    }
    try {
      final WatchFolder folder = new WatchFolder(root, pipeline, format, maxBytes);
      folder.registerTree(root);
      folder.thread.start();
      return folder;
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot watch " + root, e);
    }
  }

  /** Documents read so far (for status and tests). */
  public long documentsRead() {
    return documentsRead.get();
  }

  private void run() {
    try {
      while (running) {
        final WatchKey key = watcher.poll(100, TimeUnit.MILLISECONDS);
        final boolean changed = key != null;
        if (key != null) {
          for (final WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
              final Path created = ((Path) key.watchable()).resolve((Path) event.context());
              if (Files.isDirectory(created)) {
                registerTree(created);
              }
            }
          }
          key.reset();
        }
        if (changed || unsettled || System.nanoTime() - lastScan > RESCAN_NANOS) {
          scan();
        }
      }
    } catch (final InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    } catch (final IOException | RuntimeException e) {
      LOG.error("Watching {} stopped: {}", root, e.toString(), e);
    }
  }

  private void scan() throws IOException {
    final long now = System.nanoTime();
    lastScan = now;
    boolean waiting = false;
    try (Stream<Path> files = Files.walk(root)) {
      for (final Path path : (Iterable<Path>) files.filter(Files::isRegularFile)
          .filter(p -> !Hidden.isHidden(root, p))::iterator) {
        final BasicFileAttributes attributes;
        try {
          attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (final IOException e) {
          continue; // Gone between listing and reading: nothing to do.
        }
        final FileState state = new FileState(attributes.size(),
            attributes.lastModifiedTime().toMillis(), now);
        final FileState before = seen.get(path);
        if (!state.sameFile(before)) {
          seen.put(path, state);
          waiting = true;
        } else if (!before.sameFile(read.get(path))) {
          if (now - before.seenAt() >= SETTLE_NANOS) {
            read.put(path, before);
            ingest(path);
          } else {
            waiting = true;
          }
        }
      }
    }
    unsettled = waiting;
  }

  private void ingest(final Path path) {
    final byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      // One byte over the limit is enough for the parser to reject it as too large.
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (final IOException e) {
      LOG.warn("Cannot read {}: {}", path, e.toString());
      return;
    }
    final DocumentResult result = pipeline.ingest(bytes, path.toString(), format, true);
    documentsRead.incrementAndGet();
    if (!Acknowledgements.allAcknowledged(result, ACK_TIMEOUT)) {
      // Forget that it was read, so the next rescan (within 5 s) reads it again.
      read.remove(path);
      LOG.warn("{}: some stories were not acknowledged; reading it again shortly", path);
    }
  }

  private void registerTree(final Path folder) throws IOException {
    try (Stream<Path> folders = Files.walk(folder)) {
      for (final Path dir : (Iterable<Path>) folders.filter(Files::isDirectory)
          .filter(p -> !Hidden.isHidden(root, p))::iterator) {
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(5_000);
      watcher.close();
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (final IOException e) {
      LOG.debug("Closing the watch service of {}: {}", root, e.toString());
    }
  }

  @Override
  public String toString() {
    return "WatchFolder[" + root + "]";
  }
}
