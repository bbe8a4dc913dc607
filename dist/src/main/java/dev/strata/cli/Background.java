package dev.strata.cli;

import dev.strata.grammar.DiagnosticException;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work a command runs on a second core while it goes on with other work: the schema checks and
 * lint (one pass for PostgreSQL, a replay each otherwise) beside rendering, and jOOQ's warm-up
 * ({@code docs/performance.md}). One daemon platform thread per task (a command starts three at
 * most), so that an exit never waits for one; a task nobody joins (the warm-up) keeps what it
 * throws to itself. What a joined task throws comes back from {@link Task#join} as it was
 * thrown.
 */
final class Background {
  private Background() {}

  /** A task started by {@link #start}. */
  static final class Task<T> {
    private final FutureTask<T> future;
    private final Thread thread;

    private Task(FutureTask<T> future, Thread thread) {
      this.future = future;
      this.thread = thread;
    }

    /** Whether the caller is the task's own thread (which must never wait for the task). */
    boolean runsHere() {
      return Thread.currentThread() == thread;
    }

    /**
     * Waits for the task and returns its result.
     *
     * @throws DiagnosticException as the task threw it
     * @throws RuntimeException as the task threw it (an {@link Error} likewise)
     */
    T join() throws DiagnosticException {
      boolean interrupted = false;
      try {
        while (true) {
          try {
            return future.get();
          } catch (InterruptedException e) {
            interrupted = true;
          } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            switch (cause) {
              case DiagnosticException d -> throw d;
              case RuntimeException r -> throw r;
              case Error r -> throw r;
              default -> throw new IllegalStateException(cause);
            }
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Starts {@code work} on a new daemon thread named {@code name}. */
  static <T> Task<T> start(String name, Callable<T> work) {
    Objects.requireNonNull(work, "work");
    FutureTask<T> future = new FutureTask<>(work);
    Thread thread = Thread.ofPlatform().name(name).daemon().start(future);
    return new Task<>(future, thread);
  }
}
