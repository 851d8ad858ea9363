/** Runs at most `concurrency` tasks at once, the rest in the order they were given. */
export function limit(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    running--;
    waiting.shift()?.();
  };
  return (task) =>
    new Promise((resolve, reject) => {
      const run = () => {
        running++;
        task().then(resolve, reject).finally(next);
      };
      if (running < concurrency) run();
      else waiting.push(run);
    });
}
