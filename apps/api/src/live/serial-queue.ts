/** Runs jobs one after another: a stream's ticks and welcomes never interleave. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.tail.then(job, job);
    // A failed job must not poison the ones after it; its caller still sees the failure.
    this.tail = next.catch(() => undefined);
    return next;
  }
}
