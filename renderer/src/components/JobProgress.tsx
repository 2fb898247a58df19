/** Exports and imports under way, each with its progress and a Cancel button. */
import { jobsSelectors, useAppStore } from '../store';

export function JobProgress() {
  const jobs = useAppStore(jobsSelectors.jobs);
  const cancelJob = useAppStore((s) => s.cancelJob);
  if (jobs.length === 0) return null;
  return (
    <section className="jobs" aria-label="Work under way">
      {jobs.map((job) => (
        <div key={job.jobId} className="job" role="status">
          <span className="job-label">{job.label}…</span>
          <progress
            max={job.total || 1}
            value={job.total ? job.done : undefined}
            aria-label={job.label}
          />
          <button type="button" onClick={() => void cancelJob(job.jobId)}>
            Cancel
          </button>
        </div>
      ))}
    </section>
  );
}
