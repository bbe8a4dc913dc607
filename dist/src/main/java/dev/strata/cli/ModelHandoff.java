package dev.strata.cli;

import dev.strata.compiler.Plan;
import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.schema.PlanModels;
import dev.strata.compiler.schema.Replay;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.DialectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One replay of a dialect's model along a plan, read twice: by rendering, which walks it on the
 * command's thread as {@link PlanModels}, and by lint over the same plan on a thread of its own
 * ({@link #walk}), so that {@code upgrade} for a dialect that renders from the model (MySQL,
 * SQLite) replays that model once instead of once for each. Each step's models, once rendering
 * has had them, are queued for lint in batches of {@value #BATCH} steps (a thread waking per step
 * cost more system time than the replay saved), at most {@value #CAPACITY} batches ahead of it
 * (rendering then waits: memory stays flat in the number of steps). Lint's walk gets the steps in plan order, as
 * from {@link Replay#alongPlan(Plan, Replay.StepModels)}, ends where rendering's walk ends and
 * throws what stopped it. Rendering stops queueing once lint has stopped reading (its walk
 * ended, or its task ended without walking: {@link #stopReading()}); {@link #close()} ends lint's
 * walk when rendering never walked (it failed before).
 *
 * <p>The plan walked must be the one given, once by each reader.
 */
final class ModelHandoff implements PlanModels, AutoCloseable {
  /** How many steps rendering hands lint at a time. */
  static final int BATCH = 64;

  /** How many batches rendering may be ahead of lint. */
  static final int CAPACITY = 8;

  private final PlanModels replay;
  private final Plan plan;
  private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(CAPACITY);
  /** Whether rendering's walk has started (or {@link #close()} stood in for it). */
  private final AtomicBoolean walked = new AtomicBoolean();
  private volatile boolean readerGone;

  /** Steps rendering has had and not yet handed to lint (rendering's thread only). */
  private List<Step> batch = new ArrayList<>(BATCH);

  /** What rendering hands lint: batches of steps' models, then the end of the walk. */
  private sealed interface Item {}

  private record Step(int index, List<SchemaModel> models) {}

  private record Steps(List<Step> steps) implements Item {}

  /** The end of rendering's walk: what stopped it, if anything did. */
  private record End(Optional<Throwable> failure) implements Item {}

  /** A handoff of {@code replay}'s models along {@code plan}. */
  ModelHandoff(PlanModels replay, Plan plan) {
    this.replay = Objects.requireNonNull(replay, "replay");
    this.plan = Objects.requireNonNull(plan, "plan");
  }

  @Override
  public DialectId dialect() {
    return replay.dialect();
  }

  /** The plan both readers walk. */
  Plan plan() {
    return plan;
  }

  /**
   * What lint's walk throws when rendering never walked ({@link #close()}): no step was handed
   * over, so lint may walk a replay of its own instead.
   */
  static final class NotRendered extends IllegalStateException {
    private NotRendered() {
      super("the plan was never rendered");
    }
  }

  /**
   * Rendering's walk: {@code replay}'s models along the plan, each step handed to lint once
   * {@code visitor} has had it.
   *
   * @throws DiagnosticException as {@link PlanModels#alongPlan}
   * @throws IllegalArgumentException for another plan, or a second walk
   */
  @Override
  public void alongPlan(Plan walkedPlan, Replay.StepModels visitor) throws DiagnosticException {
    if (walkedPlan != plan || !walked.compareAndSet(false, true)) {
      throw new IllegalArgumentException("a model handoff is walked once, along its own plan");
    }
    try {
      replay.alongPlan(plan, (index, models) -> {
        visitor.step(index, models);
        batch.add(new Step(index, models));
        if (batch.size() == BATCH) {
          handBatch();
        }
      });
    } catch (DiagnosticException | RuntimeException | Error e) {
      handBatch();
      hand(new End(Optional.of(e)));
      throw e;
    }
    handBatch();
    hand(new End(Optional.empty()));
  }

  /**
   * Lint's walk: hands {@code visitor} the models of each step once rendering has had them, in
   * plan order; waits for rendering.
   *
   * @throws DiagnosticException what stopped rendering's walk (E06xx), or {@code visitor}'s own
   * @throws NotRendered when rendering never walked ({@link #close()})
   * @throws IllegalArgumentException for another plan
   */
  void walk(Plan walkedPlan, Replay.StepModels visitor) throws DiagnosticException {
    if (walkedPlan != plan) {
      throw new IllegalArgumentException("a model handoff is walked along its own plan");
    }
    try {
      while (true) {
        switch (take()) {
          case Steps steps -> {
            for (Step step : steps.steps()) {
              visitor.step(step.index(), step.models());
            }
          }
          case End end -> {
            if (end.failure().isPresent()) {
              throw rethrown(end.failure().get());
            }
            return;
          }
        }
      }
    } finally {
      stopReading();
    }
  }

  /**
   * Runs {@code lint} over the plan with {@link #walk} as its walk, then says that lint reads no
   * more ({@link #stopReading()}) however it ended, also before its walk: what lint's task runs.
   *
   * @throws DiagnosticException what {@code lint} throws (and {@link #walk})
   * @throws NotRendered when rendering never walked
   */
  List<Finding> lint(PlanTasks.LintJob lint) throws DiagnosticException {
    try {
      return lint.findings(plan, this::walk);
    } finally {
      stopReading();
    }
  }

  /**
   * Says that lint reads no more (its walk ended, or its task ended without walking): rendering
   * then hands nothing over and never waits for lint. Idempotent; {@link #lint} calls it.
   */
  void stopReading() {
    readerGone = true;
    queue.clear();
  }

  /** Ends lint's walk, with an error, when rendering never walked; idempotent. */
  @Override
  public void close() {
    if (walked.compareAndSet(false, true)) {
      hand(new End(Optional.of(new NotRendered())));
    }
  }

  /** Hands lint the steps of {@link #batch}, if any. */
  private void handBatch() {
    if (!batch.isEmpty()) {
      hand(new Steps(List.copyOf(batch)));
      batch = new ArrayList<>(BATCH);
    }
  }

  /** Queues {@code item} for lint, waiting while the queue is full, unless lint has stopped. */
  private void hand(Item item) {
    try {
      while (!readerGone && !queue.offer(item, 20, TimeUnit.MILLISECONDS)) {
        // lint is CAPACITY steps behind: wait for it
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing models to lint", e);
    }
  }

  private Item take() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for rendering's models", e);
    }
  }

  /** {@code failure} as lint's walk throws it: a diagnostic failure with the same diagnostics. */
  private static DiagnosticException rethrown(Throwable failure) {
    return switch (failure) {
      case DiagnosticException d -> new DiagnosticException(d.diagnostics());
      case RuntimeException r -> throw r;
      case Error e -> throw e;
      default -> throw new IllegalStateException(failure);
    };
  }
}
