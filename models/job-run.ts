/**
 * One run of a scheduled (singleton) job: which process ran it, when, and how it ended. Supervisors
 * and operators read it to see that every job runs, and runs in one process at a time.
 */
import { model, Schema, type InferSchemaType } from 'mongoose';

const jobRunSchema = new Schema(
  {
    job: { type: String, required: true },
    /** The worker id (host:pid:random) that held the job's lease. */
    owner: { type: String, required: true },
    startedAt: { type: Date, required: true },
    finishedAt: Date,
    outcome: { type: String, enum: ['running', 'done', 'failed'], required: true },
    /** The run found work (and asked to run again at once). */
    didWork: Boolean,
  },
  { versionKey: false },
);

// "Latest runs of a job" (operations view, tests): newest first per job.
jobRunSchema.index({ job: 1, startedAt: -1 });
// Runs are kept three days.
jobRunSchema.index({ startedAt: 1 }, { expireAfterSeconds: 3 * 86400 });

export type JobRun = InferSchemaType<typeof jobRunSchema>;
export const JobRunModel = model('JobRun', jobRunSchema);
