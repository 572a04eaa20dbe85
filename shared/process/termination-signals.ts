/**
 * SIGTERM / SIGINT to this process (a cancelled workflow run, a preempted spot instance) as
 * events. While a listener is installed Node does not exit on these signals, so the caller
 * can stop its child gracefully and clean up; `dispose` restores the default behaviour.
 */
export type TerminationSignal = 'SIGTERM' | 'SIGINT';

export function onTerminationSignals(handler: (signal: TerminationSignal) => void): () => void {
  const onTerm = () => handler('SIGTERM');
  const onInt = () => handler('SIGINT');
  process.on('SIGTERM', onTerm);
  process.on('SIGINT', onInt);
  return () => {
    process.off('SIGTERM', onTerm);
    process.off('SIGINT', onInt);
  };
}
