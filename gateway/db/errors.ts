/** MongoDB error checks shared by the services and the HTTP error handler. */

/** A write hit a unique index (E11000): someone else made the same record first. */
export const isDuplicateKey = (err: unknown): boolean => (err as { code?: number })?.code === 11000;

/**
 * Server codes that mean "no primary right now" or "the operation was cut by a failover":
 * HostUnreachable, HostNotFound, NetworkTimeout, ShutdownInProgress, PrimarySteppedDown,
 * SocketException, NotWritablePrimary, InterruptedAtShutdown, InterruptedDueToReplStateChange,
 * NotPrimaryNoSecondaryOk, NotPrimaryOrSecondary, ExceededTimeLimit (a bounded wait for the primary).
 */
const FAILOVER_CODES = new Set([6, 7, 89, 91, 189, 9001, 10107, 11600, 11602, 13435, 13436, 262]);

/**
 * The database is away or changing primaries: the request may be retried as it is (HTTP 503 with
 * Retry-After), and the outcome of a write that failed this way may be unknown.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { name?: string; code?: number; errorLabels?: string[]; errorLabelSet?: Set<string>; writeConcernError?: { code?: number } } | undefined;
  const name = e?.name ?? '';
  if (/^Mongo(ose)?(ServerSelection|Network|NetworkTimeout|NotConnected|TopologyClosed|OperationTimeout)Error$/.test(name)) return true;
  // The connection pool was emptied because the server went away while this operation waited for a
  // connection (the driver labels it PoolRequestedRetry and retries once; this is after that try).
  if (name === 'MongoPoolClearedError' || name === 'PoolClearedOnNetworkError') return true;
  // Mongoose queues operations while it counts the connection as lost (a stalled or restarting
  // mongod), and gives up on them with a plain MongooseError.
  if (name === 'MongooseError' && /buffering timed out/.test((err as Error).message)) return true;
  const labels: string[] = e?.errorLabels ?? (e?.errorLabelSet ? [...e.errorLabelSet] : []);
  if (labels.includes('RetryableWriteError') || labels.includes('TransientTransactionError') || labels.includes('UnknownTransactionCommitResult')) return true;
  return FAILOVER_CODES.has(e?.code ?? -1) || FAILOVER_CODES.has(e?.writeConcernError?.code ?? -1);
}
