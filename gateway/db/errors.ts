/** MongoDB error checks shared by the services. */

/** A write hit a unique index (E11000): someone else made the same record first. */
export const isDuplicateKey = (err: unknown): boolean => (err as { code?: number })?.code === 11000;
